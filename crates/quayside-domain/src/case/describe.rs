//! The timeline's description of what an event changed: a keyed label and the value before and
//! after.

use crate::timeline::{Change, LabelPart};

pub(super) fn change(label: Vec<LabelPart>, from: Option<&str>, to: Option<&str>) -> Change {
    Change {
        label,
        from: from.map(str::to_string),
        to: to.map(str::to_string),
    }
}
