//! The mock video call: a ticking timer, a draw-and-guess round (the user
//! draws on a canvas, then guesses the stranger's drawing from four words),
//! "Follow each other?", and "Continue on WeChat" after a mutual follow
//! (an assumption, noted and badged whatever the follow's result).
//! The stranger appears only through `public_view`.

use super::actions;
use super::card::picture;
use crate::i18n::connection::{contact_name, name, C, WORD};
use crate::lang::Lang;
use crate::policy::connection::{
    follow, public_view, Assumption, FollowResult, Stranger, STRANGERS,
};
use crate::state::connection::{chat_id, round, ConnectionAction as A};
use crate::state::Action;
use crate::ui::hooks::use_go;
use crate::ui::hooks::use_store;
use crate::ui::route::Route;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};
use yew::prelude::*;

/// The strangers' drawings (viewBox 0 0 100 100), by word: sun, house,
/// fish, tree, star.
const DRAWINGS: [&str; 5] = [
    "M70 50a20 20 0 1 1-40 0a20 20 0 1 1 40 0M50 6v12M50 82v12M6 50h12M82 50h12M19 19l8 8M73 73l8 8M81 19l-8 8M27 73l-8 8",
    "M20 88V50L50 20l30 30v38zM42 88V66h16v22M10 58 50 18l40 40",
    "M12 50q32-32 62 0q-30 32-62 0zM74 50l16-15v30zM30 45h1",
    "M50 92V62M50 10 20 62h60zM36 36h28",
    "M50 8l12 27 29 3-22 19 7 29-26-15-26 15 7-29-22-19 29-3z",
];

/// How far the call is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The user draws.
    Draw,
    /// The user guesses the stranger's drawing.
    Guess,
    /// The user guessed this word; "Follow each other?" is asked.
    Guessed(u8),
    /// The follow's result.
    Done(FollowResult),
}

/// Props of [`Call`].
#[derive(Properties, PartialEq)]
pub struct CallProps {
    /// The stranger called (index into `STRANGERS`).
    pub stranger: usize,
    /// End call.
    pub on_end: Callback<()>,
}

/// The 2D context of the canvas, and a pointer event's point on it (the
/// canvas may be drawn smaller than its pixel size).
fn pen(canvas: &NodeRef, e: &PointerEvent) -> Option<(CanvasRenderingContext2d, f64, f64)> {
    let c = canvas.cast::<HtmlCanvasElement>()?;
    let ctx = c.get_context("2d").ok()??.dyn_into().ok()?;
    let k = f64::from(c.width()) / f64::from(c.client_width().max(1));
    Some((
        ctx,
        f64::from(e.offset_x()) * k,
        f64::from(e.offset_y()) * k,
    ))
}

/// The call with a stranger. It owns its stage, its timer and its canvas,
/// so that the timer's tick re-renders the call only, not the screen.
#[component]
pub fn Call(props: &CallProps) -> Html {
    let store = use_store();
    let go = use_go();
    let stage = use_state_eq(|| Stage::Draw);
    let seconds = use_state_eq(|| 0u32);
    let canvas = use_node_ref();
    let down = use_mut_ref(|| false);
    {
        // The timer ticks while the call is on (mounted).
        let seconds = seconds.clone();
        use_effect_with((), move |_| {
            let start = js_sys::Date::now();
            let tick = gloo::timers::callback::Interval::new(1000, move || {
                seconds.set(((js_sys::Date::now() - start) / 1000.0) as u32)
            });
            move || drop(tick)
        });
    }
    let s: &'static Stranger = &STRANGERS[props.stranger % STRANGERS.len()];
    let lang = store.lang();
    let t = |k: C| k.tr(lang);
    let id = s.id;
    let r = round(store.data().scenario.date, id);
    let word = |w: u8| name(&WORD, w, lang);
    let to = |next: Stage| {
        let stage = stage.clone();
        Callback::from(move |_: MouseEvent| stage.set(next))
    };
    let end = {
        let on_end = props.on_end.clone();
        Callback::from(move |_: MouseEvent| on_end.emit(()))
    };
    let answer = |yes: bool| {
        let (stage, store) = (stage.clone(), store.clone());
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Action::Connection(A::Follow { stranger: id, yes }));
            stage.set(Stage::Done(follow(yes, s)));
        })
    };
    let stroke = |start: bool| {
        let (canvas, down) = (canvas.clone(), down.clone());
        Callback::from(move |e: PointerEvent| {
            let Some((ctx, x, y)) = pen(&canvas, &e).filter(|_| start || *down.borrow()) else {
                return;
            };
            if start {
                *down.borrow_mut() = true;
                ctx.set_line_width(4.0);
                ctx.set_line_cap("round");
                ctx.begin_path();
                ctx.move_to(x, y);
            }
            ctx.line_to(x, y);
            ctx.stroke();
        })
    };
    let lift = {
        let down = down.clone();
        Callback::from(move |_: PointerEvent| *down.borrow_mut() = false)
    };
    let clear = {
        let canvas = canvas.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(c) = canvas.cast::<HtmlCanvasElement>() {
                c.set_width(c.width());
            }
        })
    };
    // Each step: what was found (a status), the prompt, what to look at,
    // and its buttons (End call last, always).
    let (status, follows, prompt, view, mut buttons) = match *stage {
        Stage::Draw => (
            None,
            None,
            format!("{} {}", t(C::DrawThis), word(r.draw)),
            html! {
                <canvas class="dy-canvas" width="280" height="180" role="img" aria-label={t(C::YourDrawing)}
                    ref={canvas.clone()} onpointerdown={stroke(true)} onpointermove={stroke(false)}
                    onpointerup={lift.clone()} onpointerleave={lift} />
            },
            vec![
                (t(C::Clear), false, clear),
                (t(C::Drawn), true, to(Stage::Guess)),
            ],
        ),
        Stage::Guess => (
            None,
            None,
            t(C::WhatDrawn).to_string(),
            html! {
                <svg class="dy-drawing" viewBox="0 0 100 100" role="img" aria-label={t(C::TheirDrawing)}>
                    <path d={DRAWINGS[usize::from(r.theirs) % DRAWINGS.len()]} />
                </svg>
            },
            r.choices
                .iter()
                .map(|&w| (word(w), false, to(Stage::Guessed(w))))
                .collect(),
        ),
        Stage::Guessed(w) => (
            Some(if r.is_right(w) {
                t(C::Right).to_string()
            } else {
                format!("{} {}", t(C::Wrong), word(r.theirs))
            }),
            None,
            t(C::FollowQ).to_string(),
            html! {},
            vec![
                (t(C::Yes), true, answer(true)),
                (t(C::No), false, answer(false)),
            ],
        ),
        Stage::Done(result) => {
            let on_wechat = {
                let store = store.clone();
                Callback::from(move |_: MouseEvent| {
                    let ts = store.now_ts();
                    // The words are chosen here, like a message's text:
                    // the match's names from its public fields only.
                    let view = public_view(&s.profile);
                    let go_on = A::ContinueOnWeChat {
                        stranger: id,
                        id: ts.unsigned_abs(),
                        ts,
                        name_en: contact_name(view, Lang::En),
                        name_zh: contact_name(view, Lang::Zh),
                        first: C::FirstMessage.tr(store.lang()).into(),
                    };
                    store.dispatch(Action::Connection(go_on));
                    go.emit(Route::Chat { id: chat_id(id) });
                })
            };
            let next = result.follows().then(|| (t(C::OnWeChat), true, on_wechat));
            (
                Some(t(C::follow(result)).to_string()),
                Some(result.follows().to_string()),
                String::new(),
                {
                    let a = Assumption::WeChatAfterFollow;
                    html! {
                        <p class="dy-note" data-assumed={a.as_str()}>{ super::assumed(a, lang) }</p>
                    }
                },
                next.into_iter().collect(),
            )
        }
    };
    buttons.push((t(C::EndCall), false, end));
    let secs = *seconds;
    html! {
        <section class="dy-box" aria-labelledby="dy-call">
            <div class="dy-video" aria-hidden="true">{ picture(public_view(&s.profile)) }</div>
            <h3 id="dy-call">{ t(C::CallTitle) }{" "}
                <span role="timer" aria-label={t(C::CallTime)}>{ format!("{:02}:{:02}", secs / 60, secs % 60) }</span>
            </h3>
            if let Some(text) = status {
                <p role="status" data-follow={follows}>{ text }</p>
            }
            <p class="dy-question" id="dy-step">{ prompt }</p>
            { view }
            { actions(buttons, "dy-step") }
        </section>
    }
}
