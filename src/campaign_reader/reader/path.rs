//! A field path (`campaign.country[2].count`), built on the stack as the
//! reader descends and written out only for an error message.

use std::fmt;

/// One step down a field path.
#[derive(Clone, Copy)]
enum Step {
    Key(&'static str),
    Index(u32),
}

/// A field path (`campaign.country[2].count`), a chain on the stack.
#[derive(Clone, Copy)]
pub(in crate::campaign_reader) struct Path<'a> {
    up: Option<&'a Path<'a>>,
    step: Option<Step>,
}

impl Path<'_> {
    pub(in crate::campaign_reader) const ROOT: Path<'static> = Path { up: None, step: None };

    pub(in crate::campaign_reader) fn key(&self, key: &'static str) -> Path<'_> {
        Path { up: Some(self), step: Some(Step::Key(key)) }
    }

    pub(super) fn index(&self, i: u32) -> Path<'_> {
        Path { up: Some(self), step: Some(Step::Index(i)) }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.up {
            Some(up) => up.fmt(f)?,
            None => f.write_str("campaign")?,
        }
        match self.step {
            Some(Step::Key(k)) => write!(f, ".{k}"),
            Some(Step::Index(i)) => write!(f, "[{i}]"),
            None => Ok(()),
        }
    }
}
