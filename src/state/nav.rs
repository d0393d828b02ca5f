//! Keeping the user's place (issue 25): what the app writes in the state of
//! a browser history entry, where the top bar's Back leads, and where a
//! screen's own scroller stops to show an entry.
//!
//! The browser never tells a page what its previous history entry was, so
//! the router marks every entry it shows with its depth: 0 for the entry
//! the tab arrived on, one more for each entry opened from one of the
//! app's (a push, a followed link, a typed address). An entry deeper than
//! 0 was opened from one of the app's own screens, so going back in history
//! returns there, dialog and all; at depth 0 the previous entry is someone
//! else's page (or none), so Back goes to the screen's parent instead.

/// The prefix of every history state the app writes.
const PREFIX: &str = "walled-garden:";

/// What the app keeps in a history entry's state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// The app brought the entry's address in step with the state (it
    /// carries every non-default scenario parameter), so an absent
    /// parameter means its default (`Params::whole`).
    pub whole: bool,
    /// How many of the app's entries come before this one in the tab.
    pub depth: u32,
    /// How many of the entries just before this one show the same screen
    /// (the opener's earlier links): Back leaves the screen, past them.
    pub run: u32,
}

impl Entry {
    /// Reads a history state the app wrote: `walled-garden:whole:3.1`
    /// (depth 3, run 1), `walled-garden:3`, or `walled-garden:whole` (as
    /// written before depths, taken as depth 0). `None` for anything else
    /// (an entry the browser opened, whose state is null).
    pub fn parse(state: &str) -> Option<Entry> {
        let rest = state.strip_prefix(PREFIX)?;
        let (whole, depth) = match rest.strip_prefix("whole") {
            Some("") => {
                return Some(Entry {
                    whole: true,
                    ..Entry::default()
                })
            }
            Some(d) => (true, d.strip_prefix(':')?),
            None => (false, rest),
        };
        let (depth, run) = depth.split_once('.').unwrap_or((depth, "0"));
        Some(Entry {
            whole,
            depth: depth.parse().ok()?,
            run: run.parse().ok()?,
        })
    }

    /// The history state for this entry, read back by [`Entry::parse`].
    pub fn encode(self) -> String {
        let mut s = String::from(PREFIX);
        if self.whole {
            s.push_str("whole:");
        }
        s.push_str(&self.depth.to_string());
        if self.run > 0 {
            s.push('.');
            s.push_str(&self.run.to_string());
        }
        s
    }

    /// The mark of a new entry opened while the app showed this one: one
    /// deeper, its address not yet brought in step.
    pub fn next(self) -> Entry {
        Entry {
            whole: false,
            depth: self.depth.saturating_add(1),
            run: 0,
        }
    }

    /// [`Entry::next`] for an entry the app opens itself, knowing whether
    /// it shows the same screen as this one (the opener's next link).
    pub fn next_to(self, same_screen: bool) -> Entry {
        Entry {
            run: if same_screen {
                self.run.saturating_add(1)
            } else {
                0
            },
            ..self.next()
        }
    }

    /// This entry with its address in step with the state.
    pub fn made_whole(self) -> Entry {
        Entry {
            whole: true,
            ..self
        }
    }
}

/// The entry the router arrives at, from the entry's history `state` and
/// the entry it showed before (`from`, `None` on the first load), and
/// whether that mark must be written into the entry: an entry the app
/// marked keeps its mark (back and forward); an unmarked one is new (a
/// followed link, a typed address, or the tab's first entry).
pub fn arrive(state: Option<&str>, from: Option<Entry>) -> (Entry, bool) {
    match state.and_then(Entry::parse) {
        Some(e) => (e, false),
        None => (from.map_or_else(Entry::default, Entry::next), true),
    }
}

/// Where the top bar's Back leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Back {
    /// Back in the browser's history by this many entries (past the
    /// entries of the same screen): the entry there is one of the app's
    /// screens, which comes back as it was left (an open dialog included).
    History(u32),
    /// To the screen's parent (`Route::parent`): the tab arrived here, so
    /// the previous entry, if any, is another site's.
    Parent,
}

/// Where Back leads from the entry `current` (`None`: not marked, taken as
/// the tab's first).
pub fn back(current: Option<Entry>) -> Back {
    match current {
        Some(e) if e.depth > e.run => Back::History(e.run + 1),
        _ => Back::Parent,
    }
}

/// The space kept above an entry scrolled into view, in CSS pixels, so
/// that its top border shows.
pub const REVEAL_MARGIN: f64 = 8.0;

/// The `scrollTop` that shows an element at the top of its scroller: the
/// scroller's current `scroll_top`, and the tops of the element and of the
/// scroller on screen (`getBoundingClientRect().top`). Only the scroller
/// moves: `scrollIntoView` would scroll every ancestor, the phone frame
/// and its title bar too. Never negative.
pub fn reveal_top(scroll_top: f64, element_top: f64, scroller_top: f64) -> f64 {
    (scroll_top + element_top - scroller_top - REVEAL_MARGIN).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_read_back() {
        for e in [
            Entry::default(),
            Entry {
                whole: true,
                depth: 3,
                run: 0,
            },
            Entry {
                whole: false,
                depth: 12,
                run: 0,
            },
        ] {
            assert_eq!(Entry::parse(&e.encode()), Some(e), "{}", e.encode());
        }
        // What the app wrote before depths: whole, the tab's first.
        assert_eq!(
            Entry::parse("walled-garden:whole"),
            Some(Entry {
                whole: true,
                depth: 0,
                run: 0
            })
        );
        for other in [
            "",
            "x",
            "walled-garden:",
            "walled-garden:wholex",
            "walled-garden:-1",
        ] {
            assert_eq!(Entry::parse(other), None, "{other}");
        }
    }

    #[test]
    fn a_new_entry_is_one_deeper_and_a_known_one_keeps_its_mark() {
        // The tab's first entry.
        assert_eq!(arrive(None, None), (Entry::default(), true));
        // A followed link from the app's entry 2.
        let from = Entry {
            whole: true,
            depth: 2,
            run: 0,
        };
        assert_eq!(
            arrive(None, Some(from)),
            (
                Entry {
                    whole: false,
                    depth: 3,
                    run: 0
                },
                true
            )
        );
        // Back to an entry the app marked: as it was.
        let known = Entry {
            whole: true,
            depth: 1,
            run: 0,
        };
        assert_eq!(arrive(Some(&known.encode()), Some(from)), (known, false));
        assert_eq!(from.next().made_whole().depth, 3);
    }

    #[test]
    fn back_returns_to_the_apps_own_entry_else_to_the_parent() {
        assert_eq!(back(None), Back::Parent);
        assert_eq!(back(Some(Entry::default())), Back::Parent);
        assert_eq!(back(Some(Entry::default().next())), Back::History(1));
        // The opener's third link, opened from Discover: Back leaves the
        // opener, past its two earlier links, back to Discover.
        let discover = Entry::default().next();
        let third = discover.next_to(false).next_to(true).next_to(true);
        assert_eq!((third.depth, third.run), (4, 2));
        assert_eq!(back(Some(third)), Back::History(3));
        assert_eq!(
            Entry::parse(&third.encode()),
            Some(third),
            "{}",
            third.encode()
        );
        // Arrived on the opener, then two more of its links: its parent.
        let cold = Entry::default().next_to(true).next_to(true);
        assert_eq!(back(Some(cold)), Back::Parent);
        // A first load of `#/timeline?id=…` is depth 0: Discover.
        assert_eq!(back(Some(arrive(None, None).0)), Back::Parent);
    }

    #[test]
    fn revealing_moves_the_scroller_only_as_far_as_needed() {
        // An entry 900 px below the scroller's top, scrolled 100 px.
        assert_eq!(reveal_top(100.0, 968.0, 68.0), 1000.0 - REVEAL_MARGIN);
        // Already at the top: stays; never above the start.
        assert_eq!(reveal_top(0.0, 70.0, 68.0), 0.0);
        assert_eq!(reveal_top(500.0, 68.0 + REVEAL_MARGIN, 68.0), 500.0);
    }
}
