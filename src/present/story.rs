//! The guided stories' static parts (issue 27): the list of stories, a
//! step's caption with its record ids as links to the timeline, and the
//! printed handout (every caption, record id with its sources, and the
//! link of each step).

use super::href;
use super::markup::Markup;
use crate::i18n::stories::S;
use crate::lang::Lang;
use crate::policy::record::{entry, source_name};
use crate::policy::stories::{stories, Step, Story};
use crate::state::story::step_href;

/// The list of stories: each a link to its first step, its one line, how
/// many steps and how long.
pub fn list(lang: Lang) -> Markup {
    let mut m = Markup::with_capacity(2048);
    let attrs = [
        ("class", "story-list"),
        ("aria-labelledby", "stories-title"),
    ];
    m.el("ul", &attrs, |m| {
        for s in stories() {
            m.el(
                "li",
                &[("class", "story-item"), ("data-story", &s.id)],
                |m| {
                    let to = step_href(&s.id, 1);
                    m.el("h3", &[("class", "story-name")], |m| {
                        m.leaf("a", &[("href", &to)], s.title.get(lang));
                    });
                    m.leaf("p", &[("class", "story-line")], s.line.get(lang));
                    let meta = format!(
                        "{} {} · {} {}",
                        s.steps.len(),
                        S::Steps.tr(lang),
                        s.minutes,
                        S::Minutes.tr(lang)
                    );
                    m.leaf("p", &[("class", "story-meta")], &meta);
                },
            );
        }
    });
    m
}

/// A step's caption: its text, with each record id it names as a link to
/// the timeline entry (the ids are in the text: the file is checked so).
pub fn caption(step: &Step, lang: Lang) -> Markup {
    let mut m = Markup::with_capacity(512);
    let text = step.caption.get(lang);
    let mut rest = text;
    // The earliest id left in the text, repeatedly: ids never overlap.
    while let Some((at, id)) = step
        .records
        .iter()
        .filter_map(|id| rest.find(id.as_str()).map(|at| (at, id)))
        .min_by_key(|(at, _)| *at)
    {
        m.text(&rest[..at]);
        let to = href::timeline_entry(id);
        m.el("a", &[("class", "record-id"), ("href", &to)], |m| {
            m.leaf("code", &[], id);
        });
        rest = &rest[at + id.len()..];
    }
    m.text(rest);
    m
}

/// The handout of `story` for printing: its title and line, then each
/// step's caption as text, its record ids with their sources, and the
/// address that opens it (`base` is the page's address before the `#`).
pub fn handout(story: &Story, base: &str, lang: Lang) -> Markup {
    let mut m = Markup::with_capacity(8192);
    m.el(
        "section",
        &[("class", "handout"), ("data-handout", &story.id)],
        |m| {
            m.leaf("h2", &[], story.title.get(lang));
            m.leaf("p", &[("class", "handout-line")], story.line.get(lang));
            m.leaf("p", &[("class", "handout-note")], S::HandoutNote.tr(lang));
            m.el("ol", &[], |m| {
                for (i, step) in story.steps.iter().enumerate() {
                    m.el("li", &[], |m| {
                        m.leaf("p", &[], step.caption.get(lang));
                        m.el("ul", &[("class", "handout-sources")], |m| {
                            for id in &step.records {
                                m.el("li", &[], |m| {
                                    m.leaf("code", &[], id);
                                    let sources = entry(id).map(|e| e.sources.as_slice());
                                    for s in sources.unwrap_or_default() {
                                        m.text(" · ").text(&source_name(s));
                                    }
                                });
                            }
                        });
                        let link = String::from(base) + &step_href(&story.id, i + 1);
                        m.el("p", &[("class", "handout-link")], |m| {
                            m.text(S::Link.tr(lang)).text(lang.pick(": ", "："));
                            m.leaf("span", &[], &link);
                        });
                    });
                }
            });
        },
    );
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::stories::story;

    #[test]
    fn the_list_links_each_story_to_its_first_step() {
        let m = list(Lang::En);
        for s in stories() {
            let to = format!("href=\"#/story/{}?step=1\"", s.id);
            assert!(m.as_str().contains(&to), "{}", s.id);
        }
        assert!(m.as_str().contains("9 steps · 10 min"), "{}", m.as_str());
        assert!(list(Lang::Zh).as_str().contains("步 · "));
    }

    #[test]
    fn a_caption_links_every_record_id_it_names() {
        let s = story("copy-into-a-browser").unwrap();
        let last = s.steps.last().unwrap();
        let m = caption(last, Lang::En);
        for id in &last.records {
            let link =
                format!("<a class=\"record-id\" href=\"#/timeline?id={id}\"><code>{id}</code></a>");
            assert!(m.as_str().contains(&link), "{id}: {}", m.as_str());
        }
        // Only the ids are markup: the words around them are the caption's.
        assert!(m.as_str().starts_with("On 16 September 2021"));
        let zh = caption(last, Lang::Zh);
        assert!(zh.as_str().contains("<code>R-2013-11</code>"));
    }

    #[test]
    fn the_handout_has_every_caption_source_and_link() {
        let s = story("the-opening").unwrap();
        let m = handout(s, "https://example.org/wg/", Lang::En);
        let text = m.as_str();
        for (i, step) in s.steps.iter().enumerate() {
            assert!(
                text.contains(
                    &step
                        .caption
                        .en
                        .replace('\'', "&#39;")
                        .replace('"', "&quot;")
                ) || text.contains(&step.caption.en),
                "step {}",
                i + 1
            );
            let link = format!("https://example.org/wg/#/story/the-opening?step={}", i + 1);
            assert!(text.contains(&link), "step {}", i + 1);
        }
        // Sources by publication and title, not seeds/000.
        assert!(text.contains("The Record, \u{201c}Tencent bows"));
        assert!(!text.contains("seeds/"));
    }
}
