//! The fields of an event as the editor's form shows them: each one's
//! path (`venue.name`), its labels and hint in Japanese and English, and
//! the kind of input it takes; the groups they are shown in (基本, 会場,
//! 申込・問い合わせ, 講師・プログラム, その他, the last folded); the rows of a
//! programme and of speakers; the statuses with their labels. Data, and
//! the lookups of a field by its path: [`super::form`] reads and writes
//! the document through them.

/// What kind of input a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Line,
    /// Several lines (a description).
    Lines,
    /// A day: `2004/2/25`, `2月25日`, … stored as `2004-02-25`.
    Day,
    /// A time: `18:30`, `18時30分`, … stored as `18:30`.
    Time,
    Url,
    Email,
    Phone,
    /// One of the file's projects.
    Project,
    /// scheduled, tentative or cancelled.
    Status,
    /// The event's id.
    Id,
}

/// One field of the event form.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The path below the event, with dots: the input's `name`.
    pub name: &'static str,
    pub label: (&'static str, &'static str),
    pub hint: (&'static str, &'static str),
    pub kind: Kind,
}

const fn f(
    name: &'static str,
    label: (&'static str, &'static str),
    hint: (&'static str, &'static str),
    kind: Kind,
) -> Field {
    Field {
        name,
        label,
        hint,
        kind,
    }
}

/// The form's fields in order, group by group ([`GROUPS`]). `startTime` and `endTime` are the time
/// parts of `start` and `end` (empty for an all-day event); the
/// programme's and speakers' rows have fields of their own
/// ([`PROGRAM_FIELDS`], [`SPEAKER_FIELDS`]).
pub const FIELDS: &[Field] = &[
    f(
        "project",
        ("プロジェクト", "Project"),
        ("主催するグループ", "The group that runs it"),
        Kind::Project,
    ),
    f(
        "title",
        ("タイトル", "Title"),
        (
            "例: 第41回日韓ビジネス協議会",
            "e.g. 41st Japan–Korea Business Council",
        ),
        Kind::Line,
    ),
    f(
        "start",
        ("開始日", "Start date"),
        ("例: 2004/2/25、2月25日", "e.g. 2004/2/25"),
        Kind::Day,
    ),
    f(
        "startTime",
        ("開始時刻", "Start time"),
        (
            "空なら終日。例: 18:30、18時30分",
            "Empty for all day; e.g. 18:30",
        ),
        Kind::Time,
    ),
    f(
        "end",
        ("終了日", "End date"),
        ("複数日にわたるときだけ", "Only when it spans days"),
        Kind::Day,
    ),
    f(
        "endTime",
        ("終了時刻", "End time"),
        ("例: 20:30。未定なら空", "e.g. 20:30; empty if not known"),
        Kind::Time,
    ),
    f(
        "description",
        ("説明", "Description"),
        ("会報に書いたこと", "What the newsletter said"),
        Kind::Lines,
    ),
    f(
        "venue.name",
        ("会場", "Venue"),
        ("例: 神奈川中小企業センター", "e.g. Kanagawa SME Center"),
        Kind::Line,
    ),
    f(
        "venue.room",
        ("部屋", "Room"),
        ("例: 6階 第1会議室", "e.g. 6F Room 1"),
        Kind::Line,
    ),
    f(
        "venue.address",
        ("住所", "Address"),
        (
            "例: 横浜市中区尾上町5-80",
            "e.g. 5-80 Onoe-cho, Naka-ku, Yokohama",
        ),
        Kind::Line,
    ),
    f(
        "venue.phone",
        ("会場の電話", "Venue phone"),
        ("例: 045-633-5192", "e.g. 045-633-5192"),
        Kind::Phone,
    ),
    f(
        "venue.url",
        ("会場の地図・案内", "Venue map or page"),
        ("https:// で始まるアドレス", "An https:// address"),
        Kind::Url,
    ),
    f(
        "fee",
        ("参加費", "Fee"),
        ("例: 1,000円 当日支払い", "e.g. ¥1,000 at the door"),
        Kind::Line,
    ),
    f(
        "capacity",
        ("定員", "Capacity"),
        ("例: 40名", "e.g. 40 people"),
        Kind::Line,
    ),
    f(
        "contact.name",
        ("申込先・問い合わせ", "Contact"),
        ("例: 事務局 田中", "e.g. Secretariat, Tanaka"),
        Kind::Line,
    ),
    f(
        "contact.phone",
        ("電話", "Phone"),
        ("例: 045-633-5192", "e.g. 045-633-5192"),
        Kind::Phone,
    ),
    f(
        "contact.fax",
        ("FAX", "Fax"),
        ("例: 045-633-5194", "e.g. 045-633-5194"),
        Kind::Phone,
    ),
    f(
        "contact.email",
        ("メール", "E-mail"),
        ("例: info@example.jp", "e.g. info@example.jp"),
        Kind::Email,
    ),
    f(
        "contact.url",
        ("申込ページ", "Sign-up page"),
        ("https:// で始まるアドレス", "An https:// address"),
        Kind::Url,
    ),
    f(
        "contact.note",
        ("申込方法など", "How to apply"),
        ("例: FAXかメールで", "e.g. by fax or e-mail"),
        Kind::Line,
    ),
    f(
        "titleEn",
        ("英語のタイトル", "Title in English"),
        ("任意", "Optional"),
        Kind::Line,
    ),
    f(
        "url",
        ("詳しい情報のリンク", "Link for details"),
        ("https:// で始まるアドレス", "An https:// address"),
        Kind::Url,
    ),
    f(
        "status",
        ("状態", "Status"),
        (
            "中止も消さずに「中止」に",
            "Keep a cancelled event as cancelled",
        ),
        Kind::Status,
    ),
    f(
        "id",
        ("ID", "Id"),
        ("公開後は変えられません", "Cannot change once published"),
        Kind::Id,
    ),
];

/// The fields of one programme row, below `program.<n>.`.
pub const PROGRAM_FIELDS: &[Field] = &[
    f(
        "time",
        ("時刻", "Time"),
        ("例: 18:10", "e.g. 18:10"),
        Kind::Time,
    ),
    f(
        "title",
        ("内容", "Item"),
        ("例: 開会挨拶", "e.g. Opening"),
        Kind::Line,
    ),
    f(
        "speakers",
        ("講師", "Speakers"),
        ("名前（所属）、名前", "Name (affiliation), name"),
        Kind::Line,
    ),
];

/// The fields of one speaker row, below `speakers.<n>.`.
pub const SPEAKER_FIELDS: &[Field] = &[
    f(
        "name",
        ("講師名", "Speaker"),
        ("例: 芝 忠", "e.g. Tadashi Shiba"),
        Kind::Line,
    ),
    f(
        "affiliation",
        ("所属・役職", "Affiliation"),
        ("例: かながわ異グ連 事務局長", "e.g. Secretary-general"),
        Kind::Line,
    ),
];

/// The status values with their labels.
pub const STATUSES: &[(&str, (&str, &str))] = &[
    ("scheduled", ("予定どおり", "Scheduled")),
    ("tentative", ("仮（未確定）", "Tentative")),
    ("cancelled", ("中止", "Cancelled")),
];

/// The labels of an event's members that the form has no one input for,
/// for the change review and the merge: `start` and `end` whole (the form
/// splits them into day and time), the rows lists whole, and the rest of
/// the file's fields.
pub const OTHER_EVENT_LABELS: &[(&str, (&str, &str))] = &[
    ("start", ("開始日時", "Start")),
    ("end", ("終了日時", "End")),
    ("program", ("プログラム", "Programme")),
    ("speakers", ("講師", "Speakers")),
    ("venue", ("会場", "Venue")),
    ("contact", ("申込先・問い合わせ", "Contact")),
    ("contact.address", ("問い合わせ先の住所", "Contact address")),
    ("registration", ("申込", "Sign-up")),
    ("registration.url", ("申込フォーム", "Sign-up form")),
    ("registration.deadline", ("申込締切", "Sign-up deadline")),
    (
        "registration.note",
        ("申込についての注意", "Note on signing up"),
    ),
    ("revision", ("版", "Revision")),
    ("updated", ("最終更新日時", "Last updated")),
    ("origin", ("取り込み元", "Imported from")),
];

/// The labels of a project's members (its contact's parts are named as an
/// event's).
pub const PROJECT_LABELS: &[(&str, (&str, &str))] = &[
    ("id", ("ID", "Id")),
    ("name", ("名前", "Name")),
    ("color", ("表示色", "Colour")),
    ("description", ("説明", "Description")),
    ("contact", ("連絡先", "Contact")),
    ("contact.name", ("連絡先", "Contact")),
    ("contact.address", ("住所", "Address")),
    ("url", ("ホームページ", "Web page")),
];

/// The labels of the site's members.
pub const SITE_LABELS: &[(&str, (&str, &str))] = &[
    ("name", ("カレンダーの名前", "Calendar name")),
    ("organizer", ("発行者", "Publisher")),
    ("timeZone", ("タイムゾーン", "Time zone")),
    ("url", ("公開先のアドレス", "Published address")),
    ("repository", ("GitHubのリポジトリ", "GitHub repository")),
    ("domain", ("団体のドメイン", "Domain")),
    ("updated", ("データの最終更新日時", "Data last updated")),
];

/// The labels of the file's top-level members.
pub const MEMBER_LABELS: &[(&str, (&str, &str))] = &[
    ("site", ("サイトの設定", "Site settings")),
    ("projects", ("プロジェクト", "Projects")),
    ("events", ("予定", "Events")),
    ("$schema", ("スキーマ", "Schema")),
];

/// A group of the form's fields, shown under its label.
#[derive(Debug, Clone, Copy)]
pub struct Group {
    pub label: (&'static str, &'static str),
    /// Its fields ([`FIELDS`] names), in order.
    pub fields: &'static [&'static str],
    /// Its rows lists (`speakers`, `program`), after the fields.
    pub rows: &'static [&'static str],
    /// Whether it starts folded: fields few events need. It opens by
    /// itself when one of them has a problem.
    pub folded: bool,
}

/// The form's groups, in order. Every field of [`FIELDS`] is in one of
/// them, in the same order (a test checks it). What a newsletter entry
/// nearly always has comes first and open; the English title, the link,
/// the status (中止 has its own button) and the id (made by itself) are
/// folded under その他.
pub const GROUPS: &[Group] = &[
    Group {
        label: ("基本", "Basics"),
        fields: &[
            "project",
            "title",
            "start",
            "startTime",
            "end",
            "endTime",
            "description",
        ],
        rows: &[],
        folded: false,
    },
    Group {
        label: ("会場", "Venue"),
        fields: &[
            "venue.name",
            "venue.room",
            "venue.address",
            "venue.phone",
            "venue.url",
        ],
        rows: &[],
        folded: false,
    },
    Group {
        label: ("申込・問い合わせ", "Fee, sign-up and contact"),
        fields: &[
            "fee",
            "capacity",
            "contact.name",
            "contact.phone",
            "contact.fax",
            "contact.email",
            "contact.url",
            "contact.note",
        ],
        rows: &[],
        folded: false,
    },
    Group {
        label: ("講師・プログラム", "Speakers and programme"),
        fields: &[],
        rows: &["speakers", "program"],
        folded: false,
    },
    Group {
        label: ("その他", "More"),
        fields: &["titleEn", "url", "status", "id"],
        rows: &[],
        folded: true,
    },
];

/// The field of [`FIELDS`] named `name`.
pub fn field(name: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.name == name)
}

/// The group that shows `field` (a [`FIELDS`] name, or a row's field
/// such as `program.0.time`, which is in the group of its list).
pub fn group_of(field: &str) -> Option<&'static Group> {
    let list = field.split('.').next().unwrap_or("");
    GROUPS
        .iter()
        .find(|g| g.fields.contains(&field) || g.rows.contains(&list))
}

/// The heading of a rows list (`program`: プログラム).
pub fn list_label(list: &str) -> Option<(&'static str, &'static str)> {
    match list {
        "program" | "speakers" => OTHER_EVENT_LABELS
            .iter()
            .find(|(name, _)| *name == list)
            .map(|&(_, label)| label),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_in_one_group_in_order() {
        let grouped: Vec<&str> = GROUPS
            .iter()
            .flat_map(|g| g.fields.iter().copied())
            .collect();
        let fields: Vec<&str> = FIELDS.iter().map(|f| f.name).collect();
        assert_eq!(grouped, fields);
        assert_eq!(fields.len(), 24);
        assert_eq!(group_of("startTime").unwrap().label.0, "基本");
        assert_eq!(
            group_of("program.2.time").unwrap().label.0,
            "講師・プログラム"
        );
        assert!(group_of("id").unwrap().folded);
        assert!(group_of("colour").is_none());
        assert_eq!(field("venue.url").unwrap().label.0, "会場の地図・案内");
    }
}
