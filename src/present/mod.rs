//! The presentation layer: the words for the policy's values and every
//! table, card and text that the screens show as markup, built from
//! domain values and a [`Lang`](crate::lang::Lang).
//!
//! Pure Rust (no Yew, no web-sys), tested natively. Markup exists only as
//! a [`Markup`](markup::Markup), which only an escaping builder makes, so
//! that a name from an imported rules file, a message or a post is always
//! text; `ui::components::markup` is the one place that hands it to Yew.
//! A screen's component wires events and state around these.

pub mod batch;
pub mod changes;
pub mod chart;
pub mod cite;
pub mod compare;
pub mod download;
pub mod history;
pub mod href;
pub mod markup;
pub mod matrix;
pub mod opener;
pub mod outcome;
pub mod record;
pub mod rules;
pub mod story;
pub mod why;
pub mod words;

#[cfg(test)]
mod hostile;
