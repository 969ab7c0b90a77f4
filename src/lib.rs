//! copydesk finds the passages that two texts share, in any order and through small edits, and diffs
//! them word by word. It is built for news: five outlets' versions of one wire story, reordered, cut,
//! with other quote marks and other spellings of names.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`text`]: UAX #29 tokens that keep every byte; comparison keys (NFKC, case, diacritics, quotes and
//!    dashes folded); keys interned to `u32` ids shared by both texts.
//! 2. `matcher`: shared passages over the id sequences, order-free and tolerant of small edits, in
//!    near-linear time (seeded maximal matches, greedy string tiling, chaining across edits).
//! 3. `diff`: `similar`'s Myers diff over ids, inside passages and in the small gaps between the ones
//!    that keep their order.
//! 4. `stats`: words, shared words and ratios per text; the longest passage.
//! 5. [`compare()`]: the whole pipeline; [`CompareOptions`] says what it looks for.
//! 6. [`compare_many()`]: a whole set of documents at once, from one index of their seeds: which other
//!    documents carry each stretch of each, what is page chrome, and which documents tell one story.
//!
//! The edges: [`decode`] decides how file bytes are read as text and whether a text has anything to
//! compare, one rule for the CLI and the page (which asks through wasm and decodes with its own
//! `TextDecoder`); the `wasm` module (wasm32 only) is the page's one entry point.
//!
//! ```
//! use copydesk::{compare, CompareOptions};
//!
//! let wire = "Rescuers pulled two fishermen from the sea near Tartus on Sunday, the coast guard said.";
//! let outlet = "The coast guard said rescuers pulled two fishermen from the sea near Tartous on Sunday.";
//! let options = CompareOptions { spelling_variants: true, ..CompareOptions::default() };
//! let result = compare(wire, outlet, &options);
//!
//! let passage = &result.passages[0];
//! assert_eq!(&wire[passage.a.range()], "Rescuers pulled two fishermen from the sea near Tartus on Sunday");
//! assert!(!passage.exact, "Tartus / Tartous is an edit inside the passage");
//! assert_eq!(result.a.words, 15);
//! ```
#![warn(missing_docs)]

mod collection;
mod compare;
pub mod decode;
mod diff;
mod matcher;
mod options;
pub mod report;
mod sorting;
mod stats;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use collection::{
    compare_many, compare_many_reporting, Cluster, Collection, CollectionLimits, Occurrence, PairShare, Progress,
    Stretch, MAX_SEED_DOCUMENTS,
};
pub use compare::{compare, Comparison, DiffOp, Edit, Limits, Passage};
pub use diff::{DiffKind, MAX_GAP_CELLS};
pub use matcher::MAX_CANDIDATES;
pub use options::CompareOptions;
pub use stats::DocumentStats;
pub use text::Span;
