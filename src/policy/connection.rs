//! Douyin's "Connection" (record §6, `CONN-2020-02`): who may use it, the
//! mock strangers, matching, what a match may see, and mutual follows.
//!
//! Every reading of the record that the record does not state is an
//! [`Assumption`], shown with an "Assumption" badge on Connection's screen
//! and listed in `docs/policy.md`.

use super::scenario::Date;

/// The record id of everything here.
pub const CONN_2020_02: &str = "CONN-2020-02";

/// The first day of the test (assumed: "late February 2020").
pub const TEST_FROM: Date = Date {
    year: 2020,
    month: 2,
    day: 20,
};

/// Daily opening, in minutes after midnight China time (assumed).
pub const OPEN_FROM: u16 = 19 * 60;
/// Daily closing, exclusive (assumed).
pub const OPEN_UNTIL: u16 = 23 * 60;
/// The youngest age allowed ("above 18", read as 18 and older).
pub const MIN_AGE: u8 = 18;

/// What Connection's simulation infers where the record (§6) is silent or
/// vague. Each is shown with an "Assumption" badge (`data-assumed` = its
/// [`Assumption::as_str`]) and listed in `docs/policy.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assumption {
    /// "In test since late February 2020": the first day is [`TEST_FROM`].
    TestStart,
    /// The record gives no end date: the test is taken to go on.
    NoEnd,
    /// "For a random group of users": who is in the group is the
    /// simulator's choice ([`TestGroup`], default in), standing for
    /// Douyin's random draw.
    TestGroup,
    /// "For a limited time each day": [`OPEN_FROM`] to [`OPEN_UNTIL`].
    Hours,
    /// "Above 18" is read as 18 or over ([`MIN_AGE`]).
    Age18,
    /// The age is the one the identity verification gives, fixed once
    /// verified: the record names the check and the age limit, not where
    /// the age comes from.
    AgeFromVerification,
    /// The ranking of matches ([`score`]): same city first, then shared
    /// interests (standing for "logs").
    Ranking,
    /// The draw-and-guess round is a mock: the record names the game, not
    /// how a round went.
    Game,
    /// Continue on WeChat is offered only after a mutual follow
    /// ([`FollowResult::follows`]).
    WeChatAfterFollow,
}

impl Assumption {
    /// All of them, in the order the screen lists them.
    pub const ALL: [Assumption; 9] = [
        Assumption::TestStart,
        Assumption::NoEnd,
        Assumption::TestGroup,
        Assumption::Hours,
        Assumption::Age18,
        Assumption::AgeFromVerification,
        Assumption::Ranking,
        Assumption::Game,
        Assumption::WeChatAfterFollow,
    ];
    /// The `data-assumed` value (also the key `docs/policy.md` uses).
    pub const fn as_str(self) -> &'static str {
        match self {
            Assumption::TestStart => "test_start",
            Assumption::NoEnd => "no_end",
            Assumption::TestGroup => "test_group",
            Assumption::Hours => "hours",
            Assumption::Age18 => "age_18",
            Assumption::AgeFromVerification => "age_from_verification",
            Assumption::Ranking => "ranking",
            Assumption::Game => "game",
            Assumption::WeChatAfterFollow => "wechat_after_follow",
        }
    }
}

/// Whether the user is in Douyin's test group: the record says only "a
/// random group of users", so the simulator lets the user choose (the
/// address parameter `connection=in|out`, default in), independent of
/// WeChat's rollout cohort (a different company's different draw).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TestGroup {
    /// Drawn into the test (the default, so that the feature can be seen).
    #[default]
    In,
    /// Not drawn.
    Out,
}

impl TestGroup {
    /// Both, in the order of the select.
    pub const ALL: [TestGroup; 2] = [TestGroup::In, TestGroup::Out];
    /// The address and option value.
    pub const fn as_str(self) -> &'static str {
        match self {
            TestGroup::In => "in",
            TestGroup::Out => "out",
        }
    }
    /// Parses [`TestGroup::as_str`].
    pub fn parse(s: &str) -> Option<TestGroup> {
        match s {
            "in" => Some(TestGroup::In),
            "out" => Some(TestGroup::Out),
            _ => None,
        }
    }
}

/// Why Connection refuses the user, in the order it is checked: whether
/// the feature exists for them at all comes first, then the time, then who
/// they are (there is no point verifying someone the feature is closed to).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not in the test: before it began, or not in the random group.
    NotInTest {
        /// The day is before [`TEST_FROM`] (otherwise: [`TestGroup::Out`]).
        before_start: bool,
    },
    /// Outside the daily window.
    OutsideHours,
    /// No identity verification (phone + face scan) yet.
    Unverified,
    /// The verified age is below [`MIN_AGE`].
    Under18,
}

impl Refusal {
    /// The `data-reason` value of the UI contract.
    pub const fn as_str(self) -> &'static str {
        match self {
            Refusal::NotInTest { .. } => "not_in_test",
            Refusal::OutsideHours => "outside_hours",
            Refusal::Unverified => "unverified",
            Refusal::Under18 => "under_18",
        }
    }
    /// The assumption the refusal rests on, which the UI marks as such:
    /// the start day, the simulator's test group, the hours, the reading
    /// of "above 18". Only the verification itself is the record's alone.
    pub const fn assumption(self) -> Option<Assumption> {
        match self {
            Refusal::NotInTest { before_start: true } => Some(Assumption::TestStart),
            Refusal::NotInTest { .. } => Some(Assumption::TestGroup),
            Refusal::OutsideHours => Some(Assumption::Hours),
            Refusal::Unverified => None,
            Refusal::Under18 => Some(Assumption::Age18),
        }
    }
}

/// Whether the user may use Connection on `date` at `minutes` (after
/// midnight, China time), in Douyin's test `group` or not, with the age
/// their identity verification gave (`None`: not verified).
pub fn eligibility(
    date: Date,
    group: TestGroup,
    minutes: u16,
    verified_age: Option<u8>,
) -> Result<(), Refusal> {
    if date < TEST_FROM || group == TestGroup::Out {
        return Err(Refusal::NotInTest {
            before_start: date < TEST_FROM,
        });
    }
    if !(OPEN_FROM..OPEN_UNTIL).contains(&minutes) {
        return Err(Refusal::OutsideHours);
    }
    match verified_age {
        None => Err(Refusal::Unverified),
        Some(a) if a >= MIN_AGE => Ok(()),
        Some(_) => Err(Refusal::Under18),
    }
}

/// Minutes after midnight of `HH:MM` (what `<input type="time">` gives).
pub fn parse_hhmm(s: &str) -> Option<u16> {
    let (h, m) = s.split_once(':')?;
    let num = |t: &str| -> Option<u16> {
        if t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()) {
            t.parse().ok()
        } else {
            None
        }
    };
    // Seconds, when the browser adds them, are dropped.
    let m = m.split(':').next()?;
    let (h, m) = (num(h)?, num(m)?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// `HH:MM` of minutes after midnight.
pub fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60 % 24, minutes % 60)
}

/// A field a profile may show or keep private.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The profile picture.
    Picture,
    /// The city.
    City,
    /// The age.
    Age,
    /// The astrological sign.
    Sign,
}

impl Field {
    /// All four, in display order.
    pub const ALL: [Field; 4] = [Field::Picture, Field::City, Field::Age, Field::Sign];
    /// Its bit in [`Profile::public`].
    pub const fn bit(self) -> u8 {
        1 << self as u8
    }
    /// The data value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Field::Picture => "picture",
            Field::City => "city",
            Field::Age => "age",
            Field::Sign => "sign",
        }
    }
}

/// Profile pictures: emoji, so that avatars need no images.
pub const PICTURES: [&str; 12] = [
    "🐼", "🦊", "🐱", "🐶", "🐰", "🐯", "🦁", "🐸", "🐧", "🦉", "🐨", "🐙",
];
/// How many cities (their names are the string table's, which a test
/// checks against this count).
pub const CITIES: u8 = 8;
/// How many astrological signs.
pub const SIGNS: u8 = 12;
/// How many interests (bits of [`Profile::interests`]).
pub const INTERESTS: u8 = 8;

/// A Douyin profile as matching and the other side know it. Indices are
/// into [`PICTURES`] and the string table's names of cities and signs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Profile<'a> {
    /// The username: never shown to a match.
    pub username: &'a str,
    /// Index into [`PICTURES`].
    pub picture: u8,
    /// City index.
    pub city: u8,
    /// Age in years, from the identity verification (`None` before it).
    pub age: Option<u8>,
    /// Astrological sign index.
    pub sign: u8,
    /// The [`Field::bit`]s of the public fields.
    pub public: u8,
    /// Interest bits, used for matching.
    pub interests: u16,
}

/// What the other side of a match may see of a profile: only its public
/// fields, and never the username (there is no field for it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PublicView {
    /// The picture index, if public.
    pub picture: Option<u8>,
    /// The city index, if public.
    pub city: Option<u8>,
    /// The age, if given and public.
    pub age: Option<u8>,
    /// The sign index, if public.
    pub sign: Option<u8>,
}

/// The only way a profile's fields reach the other side.
pub fn public_view(p: &Profile) -> PublicView {
    let shown = |f: Field| p.public & f.bit() != 0;
    PublicView {
        picture: shown(Field::Picture).then_some(p.picture),
        city: shown(Field::City).then_some(p.city),
        age: p.age.filter(|_| shown(Field::Age)),
        sign: shown(Field::Sign).then_some(p.sign),
    }
}

/// A mock stranger: 18 or older and verified, like everyone Connection
/// matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stranger {
    /// Stable id (the WeChat contact becomes `c-dy-<id>`).
    pub id: u8,
    /// Their profile.
    pub profile: Profile<'static>,
    /// Their answer to "Follow each other?".
    pub yes: bool,
}

const P: u8 = 1;
const C: u8 = 2;
const A: u8 = 4;
const S: u8 = 8;

#[allow(clippy::too_many_arguments)]
const fn s(
    id: u8,
    username: &'static str,
    picture: u8,
    city: u8,
    age: u8,
    sign: u8,
    public: u8,
    interests: u16,
    yes: bool,
) -> Stranger {
    Stranger {
        id,
        profile: Profile {
            username,
            picture,
            city,
            age: Some(age),
            sign,
            public,
            interests,
        },
        yes,
    }
}

/// The strangers Connection matches (cities: 0 Beijing, 1 Shanghai,
/// 2 Guangzhou, 3 Shenzhen, 4 Chengdu, 5 Hangzhou, 6 Wuhan, 7 Xi'an).
#[rustfmt::skip]
pub const STRANGERS: [Stranger; 32] = [
    s(1, "moonlit_kai", 0, 4, 24, 4, P | C | A | S, 0b0000_0011, true),
    s(2, "xiaoyu_0521", 1, 4, 27, 1, C | A, 0b0001_0100, false),
    s(3, "hotpot_hero", 2, 4, 31, 7, P | C, 0b0000_0101, true),
    s(4, "panda_walker", 3, 4, 22, 10, P | S, 0b0100_0001, true),
    s(5, "river_lin", 4, 1, 29, 2, P | C | A | S, 0b0000_0011, true),
    s(6, "bund_nights", 5, 1, 35, 5, C | S, 0b1000_1000, false),
    s(7, "jade_sky", 6, 1, 19, 8, P | A, 0b0010_0010, true),
    s(8, "dimsum_dan", 7, 2, 26, 0, P | C | A, 0b0000_0100, true),
    s(9, "canton_rain", 8, 2, 33, 3, A | S, 0b0101_0000, false),
    s(10, "tea_and_code", 9, 3, 28, 6, P | C | A | S, 0b1010_0000, true),
    s(11, "neon_shen", 10, 3, 21, 9, P, 0b0000_1010, true),
    s(12, "west_lake_wen", 11, 5, 30, 11, C | A | S, 0b0001_0001, true),
    s(13, "silk_road_li", 0, 7, 25, 4, P | C | S, 0b0110_0000, false),
    s(14, "wuhan_noodle", 1, 6, 23, 2, P | C | A, 0b0000_0111, true),
    s(15, "hutong_cat", 2, 0, 32, 7, P | C | A | S, 0b0000_0011, true),
    s(16, "forbidden_fan", 3, 0, 20, 1, A, 0b1001_0000, true),
    s(17, "great_wall_gu", 4, 0, 38, 10, P | S, 0b0011_0000, false),
    s(18, "spicy_mei", 5, 4, 26, 5, P | A | S, 0b1000_0100, true),
    s(19, "kuanzhai_ke", 6, 4, 34, 0, C, 0b0010_1000, true),
    s(20, "longtang_lu", 7, 1, 24, 3, P | C | A, 0b0100_0100, true),
    s(21, "pearl_river", 8, 2, 22, 6, C | A | S, 0b0000_1001, true),
    s(22, "bay_breeze", 9, 3, 27, 9, P | C, 0b0101_0000, false),
    s(23, "mountain_xi", 10, 7, 29, 11, P | A | S, 0b0000_0110, true),
    s(24, "ancient_wall", 11, 7, 36, 8, A | S, 0b1100_0000, true),
    s(25, "yangtze_yu", 0, 6, 21, 1, P | C | S, 0b0011_0001, true),
    s(26, "hubei_hu", 1, 6, 30, 4, P | A, 0b1000_0010, false),
    s(27, "longjing_lan", 2, 5, 25, 7, P | C | A | S, 0b0100_0011, true),
    s(28, "leifeng_lei", 3, 5, 31, 2, C | S, 0b0001_1000, true),
    s(29, "quiet_ping", 4, 0, 18, 5, 0, 0b0000_0001, true),
    s(30, "night_owl_ou", 9, 1, 40, 9, P | C | A | S, 0b1000_0001, true),
    s(31, "sunny_shu", 5, 2, 19, 0, P | S, 0b0010_0100, true),
    s(32, "panda_papa", 6, 4, 45, 3, P | C | A, 0b0001_0010, false),
];

/// How well `s` matches `p`: the same city counts for more than one shared
/// interest. The record says matching uses public profile information,
/// logs and the city, and that matches came from the same city or further
/// away; these weights are [`Assumption::Ranking`].
pub fn score(p: &Profile, s: &Profile) -> u32 {
    let city = if p.city == s.city { 4 } else { 0 };
    city + (p.interests & s.interests).count_ones()
}

/// A small, stable hash (FNV-1a) of the day and a stranger, which orders
/// equal scores differently each day, the same way all day.
pub fn tie(date: Date, id: u8) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in date.ordinal().to_le_bytes().into_iter().chain([id]) {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}

/// The strangers' indices into [`STRANGERS`], best match first, for `p` on
/// `date`: the same for the same profile and day. "Next match" walks it.
pub fn ranking(p: &Profile, date: Date) -> Vec<usize> {
    // Keys computed once, not at every comparison.
    let keys: Vec<(std::cmp::Reverse<u32>, u32)> = STRANGERS
        .iter()
        .map(|s| (std::cmp::Reverse(score(p, &s.profile)), tie(date, s.id)))
        .collect();
    crate::sort::sorted_indices(keys.len(), &|a, b| keys[a].cmp(&keys[b]))
}

/// The stranger with id `id`.
pub fn stranger(id: u8) -> Option<&'static Stranger> {
    STRANGERS.iter().find(|s| s.id == id)
}

/// How "Follow each other?" ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowResult {
    /// Both said yes: they follow each other.
    Mutual,
    /// The user said yes, the stranger no: no follow.
    TheyDeclined,
    /// The user said no: no follow, whatever the stranger said.
    YouDeclined,
}

impl FollowResult {
    /// Whether they follow each other, and so may go on to WeChat.
    ///
    /// The record says only that "users in the article continued chatting
    /// on WeChat after matching". The gate is kept, badged as
    /// [`Assumption::WeChatAfterFollow`], because it is the one sequence
    /// the source describes (the pair "agreed to continue chatting on
    /// WeChat even after adding each other on Douyin") and because it
    /// keeps the stranger's consent, which the record makes the condition
    /// of any lasting contact ("only if both agree"). Removing it would
    /// show a stranger who declined to follow handing over their WeChat,
    /// which no source describes.
    pub const fn follows(self) -> bool {
        matches!(self, FollowResult::Mutual)
    }
}

/// The follow: only if both agree (record: "only if both agree").
pub fn follow(you: bool, them: &Stranger) -> FollowResult {
    match (you, them.yes) {
        (true, true) => FollowResult::Mutual,
        (true, false) => FollowResult::TheyDeclined,
        (false, _) => FollowResult::YouDeclined,
    }
}

#[cfg(test)]
mod tests;
