//! The plain text of an event's `LOCATION` and `DESCRIPTION`, in Japanese,
//! before escaping.
//!
//! Calendar apps show `DESCRIPTION` as the event's notes, so everything the
//! newsletter said that has no property of its own goes here: the project,
//! the speakers, fee, capacity, programme, contact and the free text.
//! Lines are joined with `\n`; blocks are set apart by an empty line.

use crate::model::{credit, Contact, Event, Speaker, Venue, When};

/// `name room, address`; `None` when nothing is known.
pub fn location(venue: &Venue) -> Option<String> {
    let place = [&venue.name, &venue.room]
        .into_iter()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let address = venue.address.as_deref().map(str::trim).unwrap_or("");
    match (place.is_empty(), address.is_empty()) {
        (true, true) => None,
        (false, true) => Some(place),
        (true, false) => Some(address.to_string()),
        (false, false) => Some(format!("{place}, {address}")),
    }
}

/// The notes of an event; `link` is the address written as its `URL`.
pub fn description(event: &Event, project_name: &str, link: Option<&str>) -> String {
    let mut blocks: Vec<Vec<String>> = Vec::new();

    let mut facts = vec![format!("主催: {project_name}")];
    if let When::Timed { end: None, .. } = event.when {
        facts.push("終了時刻: 未定".to_string());
    }
    if let Some(venue) = &event.venue {
        push_labelled(&mut facts, "会場TEL: ", &venue.phone);
        push_labelled(&mut facts, "会場案内: ", &venue.url);
    }
    if !event.speakers.is_empty() {
        facts.push(format!("講師: {}", speakers(&event.speakers)));
    }
    push_labelled(&mut facts, "会費: ", &event.fee);
    push_labelled(&mut facts, "定員: ", &event.capacity);
    blocks.push(facts);

    if !event.program.is_empty() {
        let mut lines = vec!["プログラム:".to_string()];
        for item in &event.program {
            let mut line = match item.time {
                Some(t) => format!("{} {}", hh_mm(t), item.title),
                None => format!("・{}", item.title),
            };
            if !item.speakers.is_empty() {
                line.push_str(" / ");
                line.push_str(&speakers(&item.speakers));
            }
            lines.push(line);
        }
        blocks.push(lines);
    }

    if let Some(contact) = &event.contact {
        blocks.push(contact_lines(contact));
    }

    if let Some(text) = event.description.as_deref().map(str::trim) {
        if !text.is_empty() {
            blocks.push(vec![text.to_string()]);
        }
    }

    if let Some(link) = link {
        blocks.push(vec![format!("詳細: {link}")]);
    }

    blocks
        .into_iter()
        .filter(|b| !b.is_empty())
        .map(|b| b.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// `問い合わせ: name`, then one line each for TEL, FAX, e-mail, address,
/// link and the note.
fn contact_lines(contact: &Contact) -> Vec<String> {
    let mut lines = vec![match non_blank(&contact.name) {
        Some(name) => format!("問い合わせ: {name}"),
        None => "問い合わせ:".to_string(),
    }];
    push_labelled(&mut lines, "TEL: ", &contact.phone);
    push_labelled(&mut lines, "FAX: ", &contact.fax);
    push_labelled(&mut lines, "E-mail: ", &contact.email);
    push_labelled(&mut lines, "住所: ", &contact.address);
    push_labelled(&mut lines, "URL: ", &contact.url);
    push_labelled(&mut lines, "", &contact.note);
    lines
}

/// `南出健一氏（神奈川県異グ連議長）、志茂 武氏（…）`
fn speakers(speakers: &[Speaker]) -> String {
    speakers
        .iter()
        .map(|s| credit(s.name.trim(), non_blank(&s.affiliation)))
        .collect::<Vec<_>>()
        .join("、")
}

fn hh_mm(t: chrono::NaiveTime) -> String {
    use chrono::Timelike;
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// `label` + value, unless the value already starts with the label's word
/// (`会費 1,000円` stays as it is, not `会費: 会費 1,000円`).
fn push_labelled(lines: &mut Vec<String>, label: &str, value: &Option<String>) {
    if let Some(v) = non_blank(value) {
        let word = label.trim_end_matches([':', ' ']);
        if !word.is_empty() && v.starts_with(word) {
            lines.push(v.to_string());
        } else {
            lines.push(format!("{label}{v}"));
        }
    }
}

fn non_blank(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_joins_what_is_known() {
        let mut v = Venue {
            name: Some("金沢産業振興センター".into()),
            room: Some("2階 会議室".into()),
            ..Venue::default()
        };
        assert_eq!(location(&v).unwrap(), "金沢産業振興センター 2階 会議室");
        v.address = Some("横浜市金沢区".into());
        assert_eq!(
            location(&v).unwrap(),
            "金沢産業振興センター 2階 会議室, 横浜市金沢区"
        );
        v.name = None;
        v.room = None;
        assert_eq!(location(&v).unwrap(), "横浜市金沢区");
        v.address = Some(" ".into());
        assert_eq!(location(&v), None);
    }

    #[test]
    fn speakers_carry_their_affiliation() {
        let list = [
            Speaker {
                name: "芝 忠".into(),
                affiliation: Some("事務局長".into()),
            },
            Speaker {
                name: "中島博士".into(),
                affiliation: None,
            },
        ];
        assert_eq!(speakers(&list), "芝 忠（事務局長）、中島博士");
    }

    #[test]
    fn a_value_that_names_itself_gets_no_second_label() {
        let mut lines = Vec::new();
        push_labelled(&mut lines, "会費: ", &Some("会費 1,000円".into()));
        push_labelled(&mut lines, "会費: ", &Some("1,000円".into()));
        push_labelled(&mut lines, "", &Some(" 申込先 ".into()));
        push_labelled(&mut lines, "定員: ", &None);
        assert_eq!(lines, ["会費 1,000円", "会費: 1,000円", "申込先"]);
    }
}
