//! Deterministic, valid event files of any size, for benchmarks and load
//! tests: many projects, two years, timed, all-day and multi-day events,
//! Japanese text in every field. The same `count` and `seed` always give
//! the same bytes.

use std::fmt::Write as _;

const PLACES: &[&str] = &[
    "神奈川中小企業センター",
    "かながわサイエンスパーク",
    "金沢産業振興センター",
    "かながわ労働プラザ",
    "横浜市産業振興センター",
    "川崎市産業振興会館",
    "藤沢商工会館",
    "相模原市立産業会館",
];
const KINDS: &[&str] = &[
    "例会",
    "セミナー",
    "研究会",
    "交流会",
    "見学会",
    "技術相談会",
    "勉強会",
    "総会",
];
const TOPICS: &[&str] = &[
    "公的補助金の活用",
    "事業連携と経営革新",
    "防食技術の事例",
    "産学官連携",
    "IT活用型経営",
    "ロケット部品の国産化",
    "海洋深層水の利用",
    "空室ビルの用途開発",
];
const SPEAKERS: &[&str] = &[
    "芝 忠",
    "志岐 弘之",
    "南出健一",
    "志茂 武",
    "高橋 一郎",
    "田中 繁雄",
];
const COLORS: &[&str] = &[
    "#37474f", "#1565c0", "#6a1b9a", "#ad1457", "#c62828", "#5d4037", "#2e7d32", "#00695c",
    "#bf360c", "#283593", "#4e342e", "#004d40",
];

/// A small, fast, deterministic pseudo-random sequence (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The JSON text of a valid events file with `count` events spread over
/// 2004 and 2005, in `count / 40 + 4` projects (at most 60).
pub fn events_json(count: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let projects = (count / 40 + 4).min(60);
    let mut out = String::with_capacity(count * 700 + 4096);
    out.push_str(concat!(
        "{\n  \"$schema\": \"./events.schema.json\",\n",
        "  \"site\": {\"name\": {\"ja\": \"生成データ\", \"en\": \"Generated data\"}, ",
        "\"domain\": \"example.jp\", \"updated\": \"2005-12-31T12:00:00+09:00\"},\n",
        "  \"projects\": [\n"
    ));
    for p in 0..projects {
        let _ = writeln!(
            out,
            "    {{\"id\": \"p{p}\", \"name\": {{\"ja\": \"{}プロジェクト{p}\", \"en\": \"Project {p}\"}}, \"color\": \"{}\", \"description\": \"{}に取り組む研究会です。\"}}{}",
            rng.pick(TOPICS),
            COLORS[p % COLORS.len()],
            rng.pick(TOPICS),
            if p + 1 < projects { "," } else { "" }
        );
    }
    out.push_str("  ],\n  \"events\": [\n");
    for i in 0..count {
        let day = rng.below(730) as i64;
        let date = chrono::NaiveDate::from_ymd_opt(2004, 1, 1).unwrap_or_default()
            + chrono::Duration::days(day);
        let project = rng.below(projects);
        let kind = rng.pick(KINDS);
        let topic = rng.pick(TOPICS);
        let place = rng.pick(PLACES);
        let when = match rng.below(10) {
            // Multi-day: a trade show of two to four days.
            0 => {
                let end = date + chrono::Duration::days(1 + rng.below(3) as i64);
                format!("\"start\": \"{date}\", \"end\": \"{end}\"")
            }
            1 | 2 => format!("\"start\": \"{date}\""),
            _ => {
                let hour = 9 + rng.below(10);
                let minutes = [0, 15, 30, 45][rng.below(4)];
                let length = 1 + rng.below(3);
                format!(
                    "\"start\": \"{date}T{hour:02}:{minutes:02}\", \"end\": \"{date}T{:02}:{minutes:02}\"",
                    (hour + length).min(23)
                )
            }
        };
        let status = match rng.below(40) {
            0 => ", \"status\": \"cancelled\"",
            1 => ", \"status\": \"tentative\"",
            _ => "",
        };
        let _ = writeln!(
            out,
            concat!(
                "    {{\"id\": \"e{i}\", \"project\": \"p{project}\", \"title\": \"第{n}回 {topic}{kind}\", {when}, ",
                "\"venue\": {{\"name\": \"{place}\", \"room\": \"{floor}階 第{room}会議室\", \"address\": \"横浜市中区尾上町{block}-{lot}\"}}, ",
                "\"fee\": \"{fee},000円（懇親会費を含む）\", \"capacity\": \"{cap}名\", ",
                "\"speakers\": [{{\"name\": \"{speaker}氏\", \"affiliation\": \"{place} 理事\"}}], ",
                "\"contact\": {{\"name\": \"事務局\", \"phone\": \"045-633-{phone:04}\", \"email\": \"info{project}@example.jp\"}}, ",
                "\"program\": [{{\"time\": \"18:00\", \"title\": \"開会\"}}, {{\"time\": \"18:10\", \"title\": \"報告「{topic}」\"}}], ",
                "\"description\": \"{topic}について意見交換します。どなたでも参加できます。\", ",
                "\"url\": \"https://example.jp/events/e{i}\", \"revision\": {rev}{status}}}{comma}"
            ),
            i = i,
            project = project,
            n = 1 + i % 99,
            topic = topic,
            kind = kind,
            when = when,
            place = place,
            floor = 1 + rng.below(9),
            room = 1 + rng.below(5),
            block = 1 + rng.below(9),
            lot = 1 + rng.below(99),
            fee = 1 + rng.below(5),
            cap = 10 * (2 + rng.below(20)),
            speaker = rng.pick(SPEAKERS),
            phone = rng.below(10_000),
            rev = rng.below(3),
            status = status,
            comma = if i + 1 < count { "," } else { "" },
        );
    }
    out.push_str("  ]\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_files_are_valid_and_deterministic() {
        let text = events_json(500, 7);
        assert_eq!(text, events_json(500, 7));
        let loaded = crate::load::load(&text);
        assert!(loaded.is_valid(), "{:?}", loaded.diagnostics.first());
        assert_eq!(loaded.catalog.events.len(), 500);
        assert_eq!(loaded.catalog.projects.len(), 16);
        let multi_day = loaded
            .catalog
            .events
            .iter()
            .filter(|e| e.when.first_day() != e.when.last_day())
            .count();
        assert!(multi_day > 20, "{multi_day}");
    }
}
