//! The text pipeline: tokens, their comparison keys, and the id sequences the matcher and diff compare.
//!
//! - [`tokenize`]: UAX #29 word boundaries; tokens are byte spans, the gaps between them white space.
//! - `normalize`: a token's comparison key (NFKC, quotes and dashes unified, case and diacritics folded).
//! - `flags`: what the matcher must know of each token besides its id (word, sentence end, punctuation
//!   that may not start or end a passage).
//! - `intern`: keys to dense `u32` ids shared by both texts, and optional spelling-variant classes.
//! - [`offsets`]: byte offsets to code point or UTF-16 offsets, for the CLI and JavaScript.

mod flags;
mod intern;
mod normalize;
pub mod offsets;
mod tokenize;

pub(crate) use flags::{flags, Flags};
pub use intern::MIN_VARIANT_CHARS;
pub(crate) use intern::{Ignore, Interner, Prepared};
pub(crate) use normalize::Folding;
pub use tokenize::{tokenize, Token, TokenKind};

/// A half-open byte range `start..end` into a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The same range as a `Range`, for slicing.
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span holds no byte.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }
}
