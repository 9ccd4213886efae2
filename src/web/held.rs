//! The campaign a chart draws, as each build holds it.
//!
//! The article build only ever draws the compiled-in Careto campaign,
//! so it holds the static itself: nothing to copy, count or drop (no campaign
//! drop code in the module). The full build shares a campaign that may have
//! been passed in (`options.campaign`), read by [`super::campaign`].

use super::options;
use crate::model::Campaign;
use wasm_bindgen::JsValue;

/// The campaign as a chart holds it.
#[cfg(not(feature = "custom-campaign"))]
pub type Held = &'static Campaign;
/// The campaign as a chart holds it.
#[cfg(feature = "custom-campaign")]
pub type Held = std::rc::Rc<Campaign>;

#[cfg(feature = "custom-campaign")]
thread_local! {
    static CARETO: Held = std::rc::Rc::new(crate::data::careto());
}

/// The compiled-in campaign, as a chart holds it: what its first picture
/// needs ([`crate::data::CARETO_FIRST_PAINT`]); the details module has the rest.
#[cfg(not(feature = "custom-campaign"))]
pub fn careto() -> Held {
    &crate::data::CARETO_FIRST_PAINT
}

/// The compiled-in campaign, as a chart holds it.
#[cfg(feature = "custom-campaign")]
pub fn careto() -> Held {
    CARETO.with(std::rc::Rc::clone)
}

/// A campaign given in the options: read at once, or (the full build, a
/// large one) to be read across the page's tasks.
pub enum Given {
    /// Read and checked: the chart draws it.
    Now(Held),
    /// Being read ([`Pending`]): the chart keeps what it has meanwhile.
    #[cfg(feature = "custom-campaign")]
    Later(Box<crate::campaign_reader::Reading<JsValue>>),
}

/// The campaign given in the options, as a chart holds it; the article
/// build refuses every one (its `parse_campaign` never succeeds).
#[cfg(not(feature = "custom-campaign"))]
pub fn given(v: JsValue) -> Result<Given, String> {
    options::parse_campaign(v).map(|never| match never {})
}

/// How many items of the campaign's long lists (countries, events and
/// sources together: The Mask has 81) `mount` and `update` read at once, in
/// the caller's task: about 3–15 ms of Chromium here (the first time, with
/// the module not yet optimised, the most). A campaign that has
/// more is read across tasks (issue 13.3), the shell calling `Chart.read`.
#[cfg(feature = "custom-campaign")]
pub const AT_ONCE: u32 = 250;

/// The campaign given in the options: read and checked now when it has at
/// most [`AT_ONCE`] items (every error thrown by `mount` or `update`),
/// else to be read on by [`Pending`].
#[cfg(feature = "custom-campaign")]
pub fn given(v: JsValue) -> Result<Given, String> {
    let mut reading = crate::campaign_reader::Reading::start(v, crate::campaign_reader::BUDGET);
    if !reading.step(AT_ONCE) {
        return Ok(Given::Later(Box::new(reading)));
    }
    crate::campaign_reader::validated(reading.finish().0).map(|c| Given::Now(hold(c)))
}

/// A campaign read and checked, as a chart holds it: its events in the
/// order of their dates (ties in its own order), the order every view
/// and table of it sorts them into again, which is then one pass (10,000
/// events: three sorts of about 4 ms each in an update, issue 13.3).
/// Nothing a page sees numbers the events.
#[cfg(feature = "custom-campaign")]
fn hold(mut c: Campaign) -> Held {
    let starts: Vec<f64> = c.events.iter().map(|e| e.date.bounds().0).collect();
    let order = crate::sort::by_number(&starts);
    // Moved, not copied: the order is a permutation of the indices.
    let mut events: Vec<Option<crate::model::Event>> = std::mem::take(c.events.to_mut()).into_iter().map(Some).collect();
    c.events = std::borrow::Cow::Owned(order.into_iter().filter_map(|i| events.get_mut(i).and_then(Option::take)).collect());
    std::rc::Rc::new(c)
}

/// A large campaign given to a chart, read a slice at a time
/// (`Chart.read`), with the options that came with it and those of every
/// update since; the chart draws what it had until it is read and checked.
/// Reading, then the data rules ([`Pending::check`]), then holding it
/// ([`Pending::campaign`]: its events sorted) are steps of their own, each
/// in a task of its own (src/web/shell/reading.js): for 10,000 events the
/// rules and the sort took one task of about 42 ms on a 2-core machine
/// (traced 2026-12-02), against a limit of 50 (tests/page/heavy.test.mjs).
#[cfg(feature = "custom-campaign")]
pub struct Pending {
    stage: Stage,
    /// The options the chart takes with the campaign.
    pub settings: options::Settings,
}

/// Where a [`Pending`] campaign is: being read (and whether all of it has
/// been), or read and checked.
#[cfg(feature = "custom-campaign")]
enum Stage {
    Reading { reading: Box<crate::campaign_reader::Reading<JsValue>>, all_read: bool },
    Checked(Box<crate::model::Campaign>),
}

#[cfg(feature = "custom-campaign")]
impl Pending {
    /// `reading`, to be drawn with `settings`.
    pub fn new(reading: Box<crate::campaign_reader::Reading<JsValue>>, settings: options::Settings) -> Pending {
        Pending { stage: Stage::Reading { reading, all_read: false }, settings }
    }

    /// Reads on, about `items` items (nothing once all is read).
    pub fn read(&mut self, items: u32) {
        if let Stage::Reading { reading, all_read: all_read @ false } = &mut self.stage {
            *all_read = reading.step(items);
        }
    }

    /// Whether all of it is read: the data rules, [`Pending::check`], come next.
    pub fn all_read(&self) -> bool {
        !matches!(self.stage, Stage::Reading { all_read: false, .. })
    }

    /// Whether the data rules have been checked: [`Pending::campaign`] comes next.
    pub fn checked(&self) -> bool {
        matches!(self.stage, Stage::Checked(_))
    }

    /// Checks the data rules on the campaign read (reading what is left
    /// first, if anything is): the first broken rule, or the first error
    /// of the reading, if any.
    pub fn check(self) -> Result<Pending, String> {
        match self.stage {
            Stage::Reading { reading, .. } => {
                let campaign = crate::campaign_reader::validated(reading.finish().0)?;
                Ok(Pending { stage: Stage::Checked(Box::new(campaign)), settings: self.settings })
            }
            Stage::Checked(_) => Ok(self),
        }
    }

    /// The campaign read and checked, as a chart holds it, with its options
    /// (checking it first if [`Pending::check`] has not).
    pub fn campaign(self) -> Result<(Held, options::Settings), String> {
        let checked = self.check()?;
        match checked.stage {
            Stage::Checked(c) => Ok((hold(*c), checked.settings)),
            Stage::Reading { .. } => Err("the campaign was not read".to_string()),
        }
    }
}
