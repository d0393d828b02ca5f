//! One post of the feed as an `article` (`data-post`, `data-visibility`):
//! author, text with "Full text", link card, pictures, time, likes and
//! comments as the viewer sees them, and the Like and Comment buttons.

use crate::i18n::{self, T};
use crate::lang::Lang;
use crate::policy::rules::Rules;
use crate::policy::Context;
use crate::state::model::{Contact, ME};
use crate::state::moments::{acts, folds, MomentsAction, Post, PICTURES};
use crate::state::time;
use crate::ui::components::link_card::{LinkCard, LinkCards};
use crate::ui::components::Avatar;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`PostCard`].
#[derive(Properties, PartialEq)]
pub struct PostProps {
    /// The post, shared with the model (compared by address first).
    pub post: Rc<Post>,
    /// Whose view the feed is (`me` or a contact id).
    pub viewer: AttrValue,
    /// The UI language.
    pub lang: Lang,
    /// "Now", for the relative time.
    pub now: i64,
    /// The contacts, for names.
    pub contacts: Rc<Vec<Contact>>,
    /// The account's name, for the user's own posts, likes and comments
    /// (WeChat signs them with it); "Me" when not given.
    #[prop_or_default]
    pub me: AttrValue,
    /// Likes, comments and deletions.
    pub on_action: Callback<MomentsAction>,
    /// A link card was tapped.
    pub on_open: Callback<AttrValue>,
}

/// The name of `id` in `lang`: a contact's, or `me` (the account's name)
/// for the user.
fn name_of<'a>(contacts: &'a [Contact], me: &'a str, id: &str, lang: Lang) -> &'a str {
    match contacts.iter().find(|c| c.id == id) {
        Some(c) => c.name(lang),
        None if me.is_empty() => T::Me.tr(lang),
        None => me,
    }
}

/// A post card.
#[component]
pub fn PostCard(props: &PostProps) -> Html {
    let expanded = use_state(|| false);
    // The comment box: `None` closed, `Some("")` a comment, `Some(who)` a
    // reply to `who` (one state type the app already has: bundle size).
    let replying = use_state_eq(|| None::<String>);
    let input = use_node_ref();
    let p = &*props.post;
    let lang = props.lang;
    let t = |k: T| k.tr(lang);
    let viewer = props.viewer.as_str();
    let author = name_of(&props.contacts, &props.me, &p.author, lang);
    let color: AttrValue = props
        .contacts
        .iter()
        .find(|c| c.id == p.author)
        .map_or(AttrValue::Static("#07c160"), |c| c.color.clone().into());
    let can_act = acts(viewer);
    let liked = p.likes.iter().any(|l| l == ME);
    let likes: Vec<&str> = p
        .likes_seen_by(viewer)
        .map(|l| name_of(&props.contacts, &props.me, l, lang))
        .collect();
    let fold = folds(&p.text);
    // One picture large, four in two rows, as WeChat lays them out.
    let grid = match p.pictures.len() {
        1 => Some("n1"),
        4 => Some("n4"),
        _ => None,
    };
    let id = p.id;

    let toggle_like = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| {
            let who = ME.to_string();
            on_action.emit(if liked {
                MomentsAction::Unlike { post: id, who }
            } else {
                MomentsAction::Like { post: id, who }
            })
        })
    };
    let start_comment = {
        let replying = replying.clone();
        Callback::from(move |_| replying.set(Some(String::new())))
    };
    let send = {
        let (replying, input, on_action) =
            (replying.clone(), input.clone(), props.on_action.clone());
        let now = props.now;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let text = el.value();
            if text.trim().is_empty() {
                return;
            }
            on_action.emit(MomentsAction::Comment {
                post: id,
                from: ME.into(),
                text,
                reply_to: (*replying).clone().filter(|w| !w.is_empty()),
                ts: now,
                id: crate::ui::storage::fresh_id(),
            });
            replying.set(None);
        })
    };
    let comments = p.comments_seen_by(viewer).map(|c| {
        let from = name_of(&props.contacts, &props.me, &c.from, lang);
        let reply = {
            let (replying, who) = (replying.clone(), c.from.clone());
            Callback::from(move |_| replying.set(Some(who.clone())))
        };
        let delete = {
            let (on_action, comment) = (props.on_action.clone(), c.id);
            Callback::from(move |_| {
                on_action.emit(MomentsAction::DeleteComment {
                    post: id,
                    comment,
                    who: ME.into(),
                })
            })
        };
        let own = can_act && c.from == ME;
        html! {
            <li key={c.id} class="comment">
                <span class="comment-from">{ from }</span>
                if let Some(to) = &c.reply_to {
                    {" "}{ t(T::ReplyTo) }{" "}<span class="comment-from">{ name_of(&props.contacts, &props.me, to, lang) }</span>
                }
                {": "}<span class="comment-text">{ c.text.clone() }</span>
                if can_act && !own {
                    <button class="comment-act" onclick={reply}>{ t(T::Reply) }</button>
                }
                if own {
                    <button class="comment-act" onclick={delete}>{ t(T::Delete) }</button>
                }
            </li>
        }
    });
    let penalty = p
        .penalty
        .as_ref()
        .filter(|_| viewer == p.author)
        .map(|pen| {
            let rule = Rules::builtin().rule(&pen.rule);
            let reason = rule.map_or("", |r| lang.pick(&r.texts.en.reason, &r.texts.zh.reason));
            // A rule of the user's own file is not among the built-in ones: its
            // id says which it was.
            let sources = rule.map_or_else(|| pen.rule.clone(), |r| r.sources.join(", "));
            html! {
                <p class="post-notice" role="note" data-rule={pen.rule.clone()}>
                    { t(T::OnlyYou) }{" "}{ reason }{" ("}{ sources }{")"}
                </p>
            }
        });
    let synced = (!p.synced.is_empty()).then(|| {
        let names: Vec<&str> = p.synced.iter().map(|s| T::target(*s).tr(lang)).collect();
        html! { <p class="post-synced">{ t(T::SyncedTo) }{" "}{ names.join(", ") }</p> }
    });
    html! {
        <article class="post" data-post={p.id.to_string()} data-visibility={p.visibility_str()}
            aria-label={author.to_string()}>
            <Avatar name={author.to_string()} {color} />
            <div class="post-body">
                <h3 class="post-author">{ author }</h3>
                if !p.text.is_empty() {
                    <p class={classes!("post-text", (fold && !*expanded).then_some("folded"))}>{ p.text.clone() }</p>
                }
                if fold {
                    <button class="post-fold" aria-expanded={expanded.to_string()} onclick={{
                        let expanded = expanded.clone();
                        Callback::from(move |_| expanded.set(!*expanded))
                    }}>{ t(if *expanded { T::Collapse } else { T::FullText }) }</button>
                }
                <LinkCards text={p.text.clone()} context={Context::Moments} chat="moments" on_open={props.on_open.clone()} />
                if let Some(link) = &p.link {
                    <LinkCard link={link.clone()} context={Context::Moments} chat="moments" on_open={props.on_open.clone()} />
                }
                if !p.pictures.is_empty() {
                    <div class={classes!("post-pics", grid)}>
                        { for p.pictures.iter().enumerate().map(|(i, &k)| {
                            let (key, en, zh) = PICTURES[usize::from(k) % PICTURES.len()];
                            html! { <span key={i} class={classes!("pic", key)} role="img" aria-label={lang.pick(en, zh)}></span> }
                        }) }
                    </div>
                }
                { for penalty }
                { for synced }
                <div class="post-meta">
                    <span class="post-time">{ i18n::time::ago(time::ago(p.ts, props.now), lang) }</span>
                    if can_act {
                        <button class="post-act" onclick={toggle_like}>
                            { t(if liked { T::Unlike } else { T::Like }) }
                        </button>
                        <button class="post-act" onclick={start_comment}>{ t(T::Comment) }</button>
                    }
                </div>
                if !likes.is_empty() || !p.comments.is_empty() {
                    <div class="post-social">
                        if !likes.is_empty() {
                            <p class="post-likes"><span aria-hidden="true">{ "♡ " }</span>{ likes.join(", ") }</p>
                        }
                        <ul class="post-comments">{ for comments }</ul>
                    </div>
                }
                if let Some(to) = &*replying {
                    <form class="comment-box" onsubmit={send}>
                        <input ref={input} aria-label={t(T::CommentText)} maxlength="1000"
                            placeholder={(!to.is_empty()).then_some(to.as_str()).map(|w| format!("{} {}", t(T::Reply), name_of(&props.contacts, &props.me, w, lang)))} />
                        <button class="btn primary" type="submit">{ t(T::Send) }</button>
                    </form>
                }
            </div>
        </article>
    }
}
