//! Reading a stories file: the JSON into [`Story`] values, and every
//! problem a maintainer could make, named by story and step.

use super::{
    ConnectionExpected, DecisionExpected, Expect, Goal, Screen, Step, Story, StoryError, TryIt,
    Words,
};
use crate::json::{Error, Node};
use crate::policy::connection::{parse_hhmm, TestGroup};
use crate::policy::record;
use crate::policy::rules::{CardDisplay, Context, Outcome};
use crate::policy::scenario::{parse_vpn, Cohort, Date, Os, Region, Scenario};
use crate::policy::sync::{SyncStatus, SyncTarget};

pub(super) fn bad(story: &str, step: usize, what: impl Into<String>) -> StoryError {
    StoryError {
        story: story.to_string(),
        step,
        what: what.into(),
    }
}

/// Reads and validates a stories file: every problem, or the stories.
pub fn parse(text: &str) -> Result<Vec<Story>, Vec<StoryError>> {
    let root = crate::json::parse(text).map_err(|e| vec![bad("", 0, format!("{e:?}"))])?;
    let list = root
        .get("stories")
        .and_then(Node::as_array)
        .ok_or_else(|| vec![bad("", 0, "no \"stories\" list")])?;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, n) in list.iter().enumerate() {
        match read_story(n, i) {
            Ok(s) => {
                if out.iter().any(|o: &Story| o.id == s.id) {
                    errors.push(bad(&s.id, 0, "the id is used twice"));
                }
                out.push(s);
            }
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn read_story(n: &Node, i: usize) -> Result<Story, Vec<StoryError>> {
    let id: String = n
        .read("id")
        .map_err(|e| vec![bad(&format!("#{}", i + 1), 0, format!("{e:?}"))])?;
    let head = || -> Result<(Words, Words, u8), Error> {
        Ok((
            Words::read(n, "title")?,
            Words::read(n, "line")?,
            n.read("minutes")?,
        ))
    };
    let (title, line, minutes) = head().map_err(|e| vec![bad(&id, 0, format!("{e:?}"))])?;
    let valid_id = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    let mut errors = Vec::new();
    if !valid_id {
        errors.push(bad(&id, 0, "an id is lower-case letters, digits and '-'"));
    }
    let mut steps = Vec::new();
    let nodes = n.get("steps").and_then(Node::as_array).unwrap_or(&[]);
    if nodes.is_empty() {
        errors.push(bad(&id, 0, "a story has steps"));
    }
    for (j, s) in nodes.iter().enumerate() {
        match read_step(s) {
            Ok(step) => {
                errors.extend(step_problems(&step).into_iter().map(|w| bad(&id, j + 1, w)));
                steps.push(step);
            }
            Err(e) => errors.push(bad(&id, j + 1, e)),
        }
    }
    if errors.is_empty() {
        Ok(Story {
            id,
            title,
            line,
            minutes,
            steps,
        })
    } else {
        Err(errors)
    }
}

/// What the file can say right but the record can't back: ids that do not
/// exist, a caption that does not name its ids, an empty caption.
fn step_problems(step: &Step) -> Vec<String> {
    let mut out = Vec::new();
    if step.records.is_empty() {
        out.push("a step names at least one record id".to_string());
    }
    for id in &step.records {
        if record::entry(id).is_none() {
            out.push(format!("{id} is not a record id"));
        }
        for (lang, caption) in [("en", &step.caption.en), ("zh", &step.caption.zh)] {
            if !caption.contains(id.as_str()) {
                out.push(format!("the {lang} caption does not name {id}"));
            }
        }
    }
    for caption in [&step.caption.en, &step.caption.zh] {
        if caption.trim().is_empty() {
            out.push("an empty caption".to_string());
        }
    }
    if step.expect.b.is_some() && !matches!(step.screen, Screen::Compare { .. }) {
        out.push("expect_b needs a compare screen".to_string());
    }
    out
}

/// `scenario` with the fields `n` gives (a step's own, or a compare's `b`
/// over the step's).
fn read_scenario(n: &Node, base: Scenario) -> Result<Scenario, String> {
    let mut s = base;
    let text = |name: &str| n.get(name).and_then(Node::as_str);
    if let Some(d) = text("date") {
        s.date = Date::parse(d).map_err(|_| format!("bad date {d}"))?;
    }
    if let Some(r) = text("region") {
        s.region = Region::parse(r).ok_or(format!("bad region {r}"))?;
    }
    if let Some(o) = text("os") {
        s.os = Os::parse(o).ok_or(format!("bad os {o}"))?;
    }
    if let Some(v) = text("vpn") {
        s.vpn = parse_vpn(v).ok_or(format!("bad vpn {v}"))?;
    }
    if let Some(c) = text("cohort") {
        s.cohort = Cohort::parse(c).ok_or(format!("bad cohort {c}"))?;
    }
    Ok(s)
}

fn read_step(n: &Node) -> Result<Step, String> {
    let text = |name: &str| n.get(name).and_then(Node::as_str);
    if text("date").is_none() {
        return Err("a step sets a date".to_string());
    }
    let scenario = read_scenario(n, Scenario::default())?;
    let group = match text("connection") {
        Some(g) => TestGroup::parse(g).ok_or(format!("bad connection {g}"))?,
        None => TestGroup::In,
    };
    let link = || -> Result<(String, Context), String> {
        let link = text("link").ok_or("this screen needs a link")?.to_string();
        let context = text("in").unwrap_or("chat");
        let context = Context::parse(context).ok_or(format!("bad in {context}"))?;
        Ok((link, context))
    };
    let screen = match text("screen").unwrap_or("") {
        "card" => {
            let (link, context) = link()?;
            if context == Context::Moments {
                return Err("a card is in a chat or a group".to_string());
            }
            Screen::Card { link, context }
        }
        "outcome" => {
            let (link, context) = link()?;
            Screen::Outcome { link, context }
        }
        "matrix" => Screen::Matrix,
        "composer" => Screen::Composer,
        "register" => Screen::Register,
        "connection" => Screen::Connection,
        "compare" => {
            let (link, context) = link()?;
            let b = n.get("b").ok_or("a compare screen has a b scenario")?;
            Screen::Compare {
                link,
                context,
                b: read_scenario(b, scenario)?,
            }
        }
        other => return Err(format!("unknown screen {other:?}")),
    };
    let field = |e: Error| format!("{e:?}");
    let caption = Words::read(n, "caption").map_err(field)?;
    let records: Vec<String> = n.read("records").map_err(field)?;
    let expect = Expect {
        decision: n.get("expect").map(read_decision).transpose()?,
        b: n.get("expect_b").map(read_decision).transpose()?,
        sync: read_sync(n.get("expect_sync"))?,
        sign_up_open: match text("expect_sign_up") {
            None => None,
            Some("open") => Some(true),
            Some("suspended") => Some(false),
            Some(o) => return Err(format!("bad expect_sign_up {o}")),
        },
        connection: n
            .get("expect_connection")
            .map(read_connection)
            .transpose()?,
    };
    if (expect.decision.is_some() || expect.b.is_some()) && screen.link().is_none() {
        return Err("a decision is expected of a screen with a link".to_string());
    }
    let try_it = n.get("try").map(read_try).transpose()?;
    Ok(Step {
        scenario,
        group,
        screen,
        caption,
        records,
        expect,
        try_it,
    })
}

fn read_decision(n: &Node) -> Result<DecisionExpected, String> {
    let text = |name: &str| n.get(name).and_then(Node::as_str);
    let flag = |name: &str| n.get(name).and_then(Node::as_bool);
    Ok(DecisionExpected {
        outcome: text("outcome")
            .map(|o| Outcome::parse(o).ok_or(format!("bad outcome {o}")))
            .transpose()?,
        display: text("display")
            .map(|d| CardDisplay::parse(d).ok_or(format!("bad display {d}")))
            .transpose()?,
        share: flag("share"),
        reachable: flag("reachable"),
        assumption: flag("assumption"),
    })
}

fn read_sync(n: Option<&Node>) -> Result<Vec<(SyncTarget, SyncStatus)>, String> {
    let Some(fields) = n.and_then(Node::as_object) else {
        return Ok(Vec::new());
    };
    fields
        .0
        .iter()
        .map(|(k, v)| {
            let target = SyncTarget::parse(k).ok_or(format!("bad sync target {k}"))?;
            let v = v.as_str().unwrap_or("");
            let status = SyncStatus::parse(v).ok_or(format!("bad sync status {v}"))?;
            Ok((target, status))
        })
        .collect()
}

fn read_connection(n: &Node) -> Result<ConnectionExpected, String> {
    let time = n.get("time").and_then(Node::as_str).unwrap_or("");
    let minutes = parse_hhmm(time).ok_or(format!("bad time {time:?}"))?;
    let age = n.get("age").and_then(Node::as_i64);
    let age = age
        .map(|a| u8::try_from(a).map_err(|_| format!("bad age {a}")))
        .transpose()?;
    let result = n.get("result").and_then(Node::as_str).unwrap_or("");
    Ok(ConnectionExpected {
        minutes,
        age,
        result: result.to_string(),
    })
}

fn read_try(n: &Node) -> Result<TryIt, String> {
    let goal = n.get("goal").ok_or("a Try it has a goal")?;
    let text = |name: &str| goal.get(name).and_then(Node::as_str);
    let goal = if let Some(c) = text("cohort") {
        Goal::Cohort(Cohort::parse(c).ok_or(format!("bad cohort {c}"))?)
    } else if let Some(v) = text("vpn") {
        Goal::Vpn(parse_vpn(v).ok_or(format!("bad vpn {v}"))?)
    } else if let Some(r) = text("region") {
        Goal::Region(Region::parse(r).ok_or(format!("bad region {r}"))?)
    } else if let Some(o) = text("os") {
        Goal::Os(Os::parse(o).ok_or(format!("bad os {o}"))?)
    } else if let Some(g) = text("connection") {
        Goal::Group(TestGroup::parse(g).ok_or(format!("bad connection {g}"))?)
    } else {
        return Err("a Try it goal sets cohort, vpn, region, os or connection".to_string());
    };
    let field = |e: Error| format!("{e:?}");
    Ok(TryIt {
        goal,
        prompt: Words::read(n, "prompt").map_err(field)?,
        found: Words::read(n, "found").map_err(field)?,
    })
}
