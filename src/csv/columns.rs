//! The columns a spreadsheet of events may have, by the names Japanese
//! offices give them (日付/開催日, 件名/行事名, 会場/場所, …) or in English,
//! and the one name each is written under on export.

use crate::doc::input::normalize;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    Project,
    Title,
    TitleEn,
    /// The day, or a span of days (`2月4日〜6日`).
    Date,
    /// The last day of a span, when written in a column of its own.
    EndDate,
    /// The start time, or a range (`18:00〜20:30`).
    Start,
    End,
    Venue,
    Room,
    Address,
    Fee,
    Capacity,
    Speakers,
    Contact,
    Phone,
    Fax,
    Email,
    Url,
    Description,
    Status,
}

/// Each column: the header export writes, then the other names it is
/// known by (compared after full-width letters become ASCII, lower case,
/// spaces removed).
pub const COLUMNS: &[(Column, &str, &[&str])] = &[
    (Column::Id, "id", &["ｉｄ", "イベントid"]),
    (
        Column::Project,
        "プロジェクト",
        &["グループ", "研究会", "団体", "主催", "project", "group"],
    ),
    (
        Column::Title,
        "タイトル",
        &["件名", "行事名", "名称", "イベント名", "催し", "title"],
    ),
    (
        Column::TitleEn,
        "タイトル(英語)",
        &[
            "タイトル（英語）",
            "英語タイトル",
            "titleen",
            "englishtitle",
        ],
    ),
    (
        Column::Date,
        "日付",
        &["開催日", "日程", "開催日時", "月日", "date", "startdate"],
    ),
    (Column::EndDate, "終了日", &["最終日", "enddate"]),
    (
        Column::Start,
        "開始",
        &[
            "開始時刻",
            "開始時間",
            "時間",
            "時刻",
            "start",
            "starttime",
            "time",
        ],
    ),
    (
        Column::End,
        "終了",
        &["終了時刻", "終了時間", "end", "endtime"],
    ),
    (Column::Venue, "会場", &["場所", "会場名", "venue", "place"]),
    (Column::Room, "部屋", &["会議室", "室名", "room"]),
    (Column::Address, "住所", &["所在地", "会場住所", "address"]),
    (Column::Fee, "参加費", &["会費", "費用", "料金", "fee"]),
    (Column::Capacity, "定員", &["capacity"]),
    (
        Column::Speakers,
        "講師",
        &["講演者", "発表者", "speaker", "speakers"],
    ),
    (
        Column::Contact,
        "申込先",
        &[
            "問い合わせ",
            "問合せ",
            "問い合わせ先",
            "問合せ先",
            "申込み先",
            "連絡先",
            "contact",
        ],
    ),
    (Column::Phone, "電話", &["tel", "電話番号", "phone"]),
    (Column::Fax, "FAX", &["ファックス", "ファクス", "fax番号"]),
    (
        Column::Email,
        "メール",
        &["メールアドレス", "e-mail", "email", "mail"],
    ),
    (
        Column::Url,
        "URL",
        &["リンク", "ホームページ", "link", "url"],
    ),
    (
        Column::Description,
        "備考",
        &[
            "説明",
            "内容",
            "概要",
            "メモ",
            "description",
            "notes",
            "note",
        ],
    ),
    (Column::Status, "状態", &["status", "ステータス"]),
];

fn key(header: &str) -> String {
    normalize(header)
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The column a header names, if any.
///
/// # Example
/// ```
/// use iguren_calendar::csv::columns::{column, Column};
/// assert_eq!(column("開催日"), Some(Column::Date));
/// assert_eq!(column(" ＴＥＬ "), Some(Column::Phone));
/// assert_eq!(column("Start Time"), Some(Column::Start));
/// assert_eq!(column("担当者の好きな色"), None);
/// ```
pub fn column(header: &str) -> Option<Column> {
    let k = key(header);
    COLUMNS.iter().find_map(|(c, name, others)| {
        (key(name) == k || others.iter().any(|o| key(o) == k)).then_some(*c)
    })
}

/// The header export writes for a column.
pub fn header(c: Column) -> &'static str {
    COLUMNS
        .iter()
        .find(|(col, _, _)| *col == c)
        .map_or("", |(_, name, _)| name)
}
