//! QR codes for paper: an address as an SVG image, made at build time.
//!
//! The `qrcode` crate chooses the version and encodes the modules; this
//! module draws them as one SVG path (one unit per module, the four-module
//! quiet zone the standard asks for), so the image is crisp at any print
//! size and small. Native only: the page's WebAssembly never holds it.

use qrcode::{Color, EcLevel, QrCode};

/// An SVG image of a QR code of `text`, `size` CSS pixels square, with a
/// text alternative. `None` when the text is too long for any QR code.
///
/// # Example
/// ```
/// let svg = iguren_calendar::site::qr::svg("https://example.org/cal/", 160, "QR").unwrap();
/// assert!(svg.starts_with("<svg "));
/// ```
pub fn svg(text: &str, size: u32, label: &str) -> Option<String> {
    // Level M survives a crease or a coffee ring on a printed sheet.
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let quiet = 4;
    let side = width + 2 * quiet;
    let mut path = String::new();
    for (i, color) in code.to_colors().iter().enumerate() {
        if *color == Color::Dark {
            let (x, y) = (i % width + quiet, i / width + quiet);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    let label = crate::site::markup::xml(label);
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" aria-label=\"{label}\" width=\"{size}\" height=\"{size}\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\"><title>{label}</title><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_address_makes_a_square_image_with_a_quiet_zone() {
        let svg = super::svg("https://example.org/cal/e/a.html", 120, "<QR>").unwrap();
        assert!(svg.contains("width=\"120\" height=\"120\""));
        // Version 3 (29 modules) for this length at level M, plus 2 × 4.
        assert!(svg.contains("viewBox=\"0 0 37 37\""), "{svg}");
        assert!(svg.contains("aria-label=\"&lt;QR&gt;\""));
        // The finder pattern's corner module sits right after the quiet zone.
        assert!(svg.contains("M4 4h1v1h-1z"));
    }
}
