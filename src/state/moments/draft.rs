//! The composer's draft as a reducer: every edit of the Moments composer is
//! a [`DraftAction`], so the draft's logic is tested natively and the
//! composer component only wires it.

use super::Draft;
use crate::policy::moments::{Audience, Visibility};
use crate::policy::sync::SyncTarget;

/// One edit of the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftAction {
    /// The text typed so far.
    Text(String),
    /// The link field typed so far.
    Link(String),
    /// The **Visibility** select's value (`public`, `private`, `include`,
    /// `exclude`); the contacts and tags picked are kept.
    Visibility(String),
    /// A contact picked or unpicked for the audience.
    Contact(String),
    /// A tag picked or unpicked for the audience.
    Tag(String),
    /// A picture chosen or removed (index into `PICTURES`).
    Picture(u8),
    /// A sync box ticked or unticked.
    Sync(SyncTarget),
    /// Published: start again.
    Clear,
}

/// The audience of a visibility, empty for public and private.
pub fn audience(v: &Option<Visibility>) -> Audience {
    match v {
        Some(Visibility::ShareWith(a) | Visibility::DontShareWith(a)) => a.clone(),
        _ => Audience::default(),
    }
}

/// The visibility of the select's value `kind`, with the audience `a`.
fn with_kind(kind: &str, a: Audience) -> Visibility {
    match kind {
        "private" => Visibility::Private,
        "include" => Visibility::ShareWith(a),
        "exclude" => Visibility::DontShareWith(a),
        _ => Visibility::Public,
    }
}

/// `item` added to `list`, or removed when it was there.
fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T) {
    match list.iter().position(|x| *x == item) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(item),
    }
}

/// Applies `action` to `d`.
pub fn reduce_draft(d: &mut Draft, action: DraftAction) {
    match action {
        DraftAction::Text(t) => d.text = t,
        DraftAction::Link(l) => d.link = l,
        DraftAction::Visibility(kind) => {
            d.visibility = Some(with_kind(&kind, audience(&d.visibility)))
        }
        DraftAction::Contact(c) => edit_audience(d, |a| toggle(&mut a.contacts, c)),
        DraftAction::Tag(t) => edit_audience(d, |a| toggle(&mut a.tags, t)),
        DraftAction::Picture(p) => toggle(&mut d.pictures, p),
        DraftAction::Sync(s) => toggle(&mut d.sync, s),
        DraftAction::Clear => *d = Draft::default(),
    }
}

/// Changes the audience picked, under the visibility chosen (picking on a
/// public draft keeps it public, as the picker is hidden then).
fn edit_audience(d: &mut Draft, f: impl FnOnce(&mut Audience)) {
    let kind = d
        .visibility
        .as_ref()
        .map_or("public", super::visibility_str);
    let mut a = audience(&d.visibility);
    f(&mut a);
    d.visibility = Some(with_kind(kind, a));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(actions: impl IntoIterator<Item = DraftAction>) -> Draft {
        let mut d = Draft::default();
        for a in actions {
            reduce_draft(&mut d, a);
        }
        d
    }

    #[test]
    fn each_edit_changes_its_field_and_toggles_undo_themselves() {
        let d = after([
            DraftAction::Text("hi".into()),
            DraftAction::Link("https://m.tb.cn/x".into()),
            DraftAction::Picture(2),
            DraftAction::Picture(5),
            DraftAction::Picture(2),
            DraftAction::Sync(SyncTarget::Qq),
        ]);
        assert_eq!(
            (d.text.as_str(), d.link.as_str()),
            ("hi", "https://m.tb.cn/x")
        );
        assert_eq!(d.pictures, [5]);
        assert_eq!(d.sync, [SyncTarget::Qq]);
        let d = after([
            DraftAction::Sync(SyncTarget::Qq),
            DraftAction::Sync(SyncTarget::Qq),
        ]);
        assert!(d.sync.is_empty());
    }

    #[test]
    fn the_audience_survives_a_change_of_visibility() {
        let d = after([
            DraftAction::Visibility("include".into()),
            DraftAction::Contact("lihua".into()),
            DraftAction::Tag("family".into()),
            DraftAction::Visibility("exclude".into()),
        ]);
        let a = audience(&d.visibility);
        assert!(matches!(d.visibility, Some(Visibility::DontShareWith(_))));
        assert_eq!(
            (a.contacts, a.tags),
            (vec!["lihua".to_string()], vec!["family".to_string()])
        );
        let d = after([DraftAction::Visibility("private".into())]);
        assert_eq!(d.visibility, Some(Visibility::Private));
        // Unpicking removes; Clear starts over.
        let d = after([
            DraftAction::Visibility("include".into()),
            DraftAction::Contact("lihua".into()),
            DraftAction::Contact("lihua".into()),
        ]);
        assert!(audience(&d.visibility).contacts.is_empty());
        let d = after([DraftAction::Text("x".into()), DraftAction::Clear]);
        assert_eq!(d, Draft::default());
    }
}
