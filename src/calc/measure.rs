//! What a figure is measured in: its unit, the bounds it must lie in, the problems a value can
//! have, and the macro that declares a mix (shares summing to 1). Below the model: the model's
//! declarations read these, and these read nothing of the model.

use serde::{Deserialize, Serialize};

use crate::words::i18n::Lang;

/// The unit a number is entered and shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Unit {
    /// A fraction shown as a percentage.
    Percent,
    Wan,
    YuanPerM2,
    YuanPerPersonMonth,
    YuanPerHousehold,
    M2,
    Persons,
    Households,
    Months,
    Years,
    /// A plain ratio (coverage multiples).
    Times,
    #[default]
    None,
}

impl Unit {
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Unit::Percent => ("%", "%"),
            Unit::Wan => ("万元", "10k yuan"),
            Unit::YuanPerM2 => ("元/m²", "yuan/m²"),
            Unit::YuanPerPersonMonth => ("元/人·月", "yuan/person·month"),
            Unit::YuanPerHousehold => ("元/户", "yuan/household"),
            Unit::M2 => ("m²", "m²"),
            Unit::Persons => ("人", "persons"),
            Unit::Households => ("户", "households"),
            Unit::Months => ("月", "months"),
            Unit::Years => ("年", "years"),
            Unit::Times => ("倍", "×"),
            Unit::None => ("", ""),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// A stored value as the planner reads it, with its unit ("4.9 %", "1,066 户").
    pub fn show(self, v: f64, lang: Lang) -> String {
        let decimals = if self == Unit::Percent { 2 } else { 4 };
        let n = crate::words::display::plain_number(v * self.scale(), decimals);
        match self.text(lang) {
            "" => n,
            "%" => format!("{n} %"),
            u => format!("{n} {u}"),
        }
    }

    /// Percent fields are stored as fractions and shown ×100.
    pub fn scale(self) -> f64 {
        if self == Unit::Percent {
            100.0
        } else {
            1.0
        }
    }
}

/// What is wrong with one value or one set of values.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Problem {
    NotFinite,
    Empty,
    /// A text longer than its field allows (in characters).
    TooLong {
        length: usize,
        max: usize,
    },
    /// Outside the field's declared bounds (in stored units: fractions for percentages).
    OutOfRange {
        value: f64,
        min: f64,
        max: f64,
    },
    NotWhole {
        value: f64,
    },
    /// Shares must sum to 1.
    SharesSum {
        sum: f64,
    },
    GraceNotShorter {
        grace: u32,
        term: u32,
    },
    CapitalFundBelow {
        share: f64,
        min: f64,
    },
    YearOutside {
        year: i32,
        first: i32,
        last: i32,
    },
    /// PPP is planned (or the city already pays for PPP) but the budget is zero: no share exists.
    BudgetNeededForPpp,
    /// Land revenue with an amount but no years to sell it in: it would count as none.
    LandWithoutYears,
    /// Two income streams of one kind in a project.
    IncomeTwice,
    /// A monthly figure above what the plan allows, with no reason given.
    AbovePlan {
        value: f64,
        limit: f64,
    },
    /// Monthly records repeated or out of month order.
    MonthOrder,
    /// A month reported outside the project's years in the plan.
    MonthOutside {
        first: i32,
        last: i32,
    },
    /// Ranking weights that are all zero: nothing to rank by.
    NoWeight,
    /// A monthly figure below last month's, with no correction note.
    BelowLastMonth {
        value: f64,
        before: f64,
    },
    DuplicateId,
    /// An edit names a project or scenario the plan does not have.
    NoSuchItem {
        id: String,
    },
    /// A milestone dated before one it comes after (`step`: that one's key).
    BeforeStep {
        step: String,
    },
    /// A milestone done while one it comes after (`step`) is not.
    DoneBeforeStep {
        step: String,
    },
    /// A document number not of its milestone's form: the number and an example of the form
    /// (boxed: the problem stays as small as the others).
    NumberForm {
        number_and_example: Box<(String, String)>,
    },
    /// An actual date after today.
    InFuture {
        date: String,
    },
    /// A risk range must run low ≤ most likely ≤ high.
    RangeOrder {
        low: f64,
        mode: f64,
        high: f64,
    },
}

/// The range a number must lie in (stored units) and whether it must be whole.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min: f64,
    pub max: f64,
    pub whole: bool,
}

impl Bounds {
    pub const fn new(min: f64, max: f64) -> Self {
        Bounds {
            min,
            max,
            whole: false,
        }
    }
    pub const fn whole(min: f64, max: f64) -> Self {
        Bounds {
            min,
            max,
            whole: true,
        }
    }
    /// A share of something: 0–100 %.
    pub const SHARE: Bounds = Bounds::new(0.0, 1.0);
    /// Interest, discount and profit rates: at most 30 % a year.
    pub const RATE: Bounds = Bounds::new(0.0, 0.30);
    /// Terms and contract periods: 1 to 50 years.
    pub const TERM: Bounds = Bounds::whole(1.0, 50.0);
    /// Amounts in 万元: up to a trillion yuan, far above any city.
    pub const MONEY: Bounds = Bounds::new(0.0, 1e8);

    pub fn check(&self, v: f64) -> Option<Problem> {
        if !v.is_finite() {
            Some(Problem::NotFinite)
        } else if v < self.min || v > self.max {
            Some(Problem::OutOfRange {
                value: v,
                min: self.min,
                max: self.max,
            })
        } else if self.whole && v.fract() != 0.0 {
            Some(Problem::NotWhole { value: v })
        } else {
            None
        }
    }
}

/// Declares a mix (shares summing to 1) once: the shares struct, a struct of amounts per part
/// with the same field names (money raised per instrument, households per way), and the enum of
/// its parts with key, label, test id, get and set. Adding a part here adds it everywhere.
#[macro_export]
macro_rules! declare_mix {
    (
        $(#[$mix_doc:meta])* mix $mix:ident;
        $(#[$amount_doc:meta])* amounts $amounts:ident: $t:ty;
        $(#[$part_doc:meta])* part $part:ident;
        $( $(#[$doc:meta])* $field:ident => $variant:ident, $label:ident, $testid:literal; )*
    ) => {
        $(#[$mix_doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
        pub struct $mix { $( $(#[$doc])* pub $field: f64, )* }

        impl $mix {
            pub fn sum(&self) -> f64 { 0.0 $( + self.$field )* }
            /// The shares in declaration order.
            pub fn shares(&self) -> Vec<f64> { vec![ $( self.$field, )* ] }
        }

        $(#[$amount_doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
        #[serde(default)]
        pub struct $amounts { $( pub $field: $t, )* }

        impl $amounts {
            pub fn total(&self) -> $t { let mut t = <$t>::default(); $( t += self.$field; )* t }
            /// The parts in display order, with their catalogue keys.
            pub fn parts(&self) -> Vec<($crate::words::i18n::Text, $t)> {
                vec![ $( ($crate::words::i18n::Text::$label, self.$field), )* ]
            }
            pub fn add(&mut self, o: &$amounts) { $( self.$field += o.$field; )* }
        }

        $(#[$part_doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $part { $( $variant, )* }

        impl $part {
            pub const ALL: &'static [$part] = &[ $( $part::$variant, )* ];
            pub fn key(self) -> &'static str {
                match self { $( $part::$variant => stringify!($field), )* }
            }
            pub fn label(self) -> $crate::words::i18n::Text {
                match self { $( $part::$variant => $crate::words::i18n::Text::$label, )* }
            }
            /// The `data-testid` of its input in the editors.
            pub fn testid(self) -> &'static str {
                match self { $( $part::$variant => $testid, )* }
            }
            pub fn get(self, m: &$mix) -> f64 {
                match self { $( $part::$variant => m.$field, )* }
            }
            pub fn set(self, m: &mut $mix, v: f64) {
                match self { $( $part::$variant => m.$field = v, )* }
            }
            pub fn amount(self, a: &$amounts) -> $t {
                match self { $( $part::$variant => a.$field, )* }
            }
            pub fn amount_mut(self, a: &mut $amounts) -> &mut $t {
                match self { $( $part::$variant => &mut a.$field, )* }
            }
        }
    };
}
