//! The saved form of Moments. Visibility is written as
//! `{"kind":"include","contacts":[…],"tags":[…]}` (lists empty unless
//! `include` or `exclude`).

use super::{Comment, Moments, Penalty, Post};
use crate::json::{Error, ErrorKind, FromJson, Node, ToJson};
use crate::policy::moments::{Audience, Visibility, Window};
use crate::policy::sync::SyncTarget;

crate::json_str_enum!(Window, ["all", "six_months", "three_days"]);
crate::json_str_enum!(SyncTarget, ["qq", "facebook", "twitter"]);
crate::json_struct!(Penalty { rule, link });
crate::json_struct!(Comment {
    id,
    from,
    text,
    reply_to,
    ts
});
crate::json_struct!(Post {
    id,
    author,
    ts,
    text,
    link,
    pictures,
    visibility,
    penalty,
    synced,
    likes,
    comments
});
crate::json_struct!(Moments {
    posts,
    window,
    linked
});

/// The saved layout of a visibility.
struct Stored {
    kind: String,
    contacts: Vec<String>,
    tags: Vec<String>,
}

crate::json_struct!(Stored {
    kind,
    contacts,
    tags
});

impl ToJson for Visibility {
    fn to_json(&self, out: &mut String) {
        let a = match self {
            Visibility::ShareWith(a) | Visibility::DontShareWith(a) => a.clone(),
            _ => Audience::default(),
        };
        Stored {
            kind: super::visibility_str(self).into(),
            contacts: a.contacts,
            tags: a.tags,
        }
        .to_json(out);
    }
}

impl FromJson for Visibility {
    fn from_json(n: &Node) -> Result<Self, Error> {
        let s = Stored::from_json(n)?;
        let a = Audience {
            contacts: s.contacts,
            tags: s.tags,
        };
        Ok(match s.kind.as_str() {
            "public" => Visibility::Public,
            "private" => Visibility::Private,
            "include" => Visibility::ShareWith(a),
            "exclude" => Visibility::DontShareWith(a),
            _ => {
                return Err(Error::new(
                    n.field("kind")?.at,
                    ErrorKind::ExpectedOneOf(&["public", "private", "include", "exclude"]),
                ))
            }
        })
    }
}
