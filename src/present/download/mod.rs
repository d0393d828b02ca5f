//! Downloads that carry their provenance (issue 26): the tables a screen
//! shows (the outcome matrix of the scenario's day, What changed between
//! two days, the record, the batch check) as CSV, and as a data package:
//! a `.zip` with the CSV, a `datapackage.json` in the Frictionless Data
//! Package format (columns and types, licence, sources, citation, rules
//! fingerprint, scenario, permalink) and a README in the user's language.
//! The chart "Over the years" as an SVG image with a footer that says
//! where it came from ([`svg`]).
//!
//! Pure and natively tested, like the rest of `present`: the browser
//! (`ui::components::download`) and the `decide` tool call the same
//! functions, so the app's CSV and `decide --package` have the same
//! columns by construction. Values are the app's identifiers (`open`,
//! `copy_to_browser`, `yes`), the same in both languages: a script reading
//! a Chinese user's file needs no dictionary; the README and the
//! descriptions in `datapackage.json` are in the user's language.

pub mod csv;
pub mod package;
pub mod svg;
pub mod tables;
pub mod zip;

use crate::i18n::download::D;
use crate::i18n::T;

/// A column's type in the package's Table Schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// Any text.
    String,
    /// Digits.
    Integer,
    /// `yes` or `no` (the app's `data-*` values; the schema says so with
    /// `trueValues` and `falseValues`).
    Boolean,
    /// `YYYY-MM-DD`, or empty when the record gives none.
    Date,
}

impl Type {
    /// Its name in a Table Schema.
    pub const fn as_str(self) -> &'static str {
        match self {
            Type::String => "string",
            Type::Integer => "integer",
            Type::Boolean => "boolean",
            Type::Date => "date",
        }
    }
}

/// A column: its name in the CSV's header, its type and its description
/// (in the package's language, in `datapackage.json` and the README).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The header's name (an identifier: the same in both languages).
    pub name: &'static str,
    /// Its type.
    pub ty: Type,
    /// What it means.
    pub about: D,
}

impl Field {
    /// A column named `name` of type `ty`, meaning `about`.
    pub const fn new(name: &'static str, ty: Type, about: D) -> Field {
        Field { name, ty, about }
    }
}

/// Which table a download holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The outcome matrix of a day ([`tables::matrix`]).
    Matrix,
    /// What changed between two days ([`tables::changes`]).
    Changes,
    /// The record's entries with their sources ([`tables::record`]).
    Record,
    /// The batch check's links ([`tables::links`]).
    Links,
}

impl Kind {
    /// The resource's name: the CSV is `<name>.csv` in the package.
    pub const fn name(self) -> &'static str {
        match self {
            Kind::Matrix => "matrix",
            Kind::Changes => "changes",
            Kind::Record => "record",
            Kind::Links => "links",
        }
    }
    /// Its columns, in the CSV's order.
    pub const fn fields(self) -> &'static [Field] {
        match self {
            Kind::Matrix => &tables::MATRIX,
            Kind::Changes => &tables::CHANGES,
            Kind::Record => &tables::RECORD,
            Kind::Links => &tables::LINKS,
        }
    }
    /// Its title: the screen's heading.
    pub const fn title(self) -> T {
        match self {
            Kind::Matrix => T::OutcomeMatrix,
            Kind::Changes => T::WhatChanged,
            Kind::Record => T::Timeline,
            Kind::Links => T::BatchTitle,
        }
    }
    /// What one row is, for the README.
    pub const fn row(self) -> D {
        match self {
            Kind::Matrix => D::RowMatrix,
            Kind::Changes => D::RowChanges,
            Kind::Record => D::RowRecord,
            Kind::Links => D::RowLinks,
        }
    }
}

/// A table ready to download: its kind and its CSV text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Which table.
    pub kind: Kind,
    /// The CSV, header first (RFC 4180, CRLF).
    pub csv: String,
    /// Its rows, the header not counted.
    pub rows: usize,
}

impl Table {
    /// The CSV's file name in a package.
    pub fn file(&self) -> String {
        String::from(self.kind.name()) + ".csv"
    }
}

/// The file name of a download: `walled-garden-<table>` (`-links` for the
/// batch check, as before packages existed), the day or days it is about,
/// and `ext`.
pub fn file_name(kind: Kind, days: &[crate::policy::scenario::Date], ext: &str) -> String {
    let mut s = String::from("walled-garden-") + kind.name();
    for d in days {
        s = s + "-" + &d.to_string();
    }
    s + "." + ext
}
