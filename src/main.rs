//! Web entry: mounts the app. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    // Panic messages in the console for development builds (`trunk
    // serve`). The release page goes without: formatting them costs the
    // first load about 1.3 kB gzip, and a panic still stops the page with
    // an error in the console (the browser tests fail on any).
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(iguren_calendar::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the web app's entry; build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
