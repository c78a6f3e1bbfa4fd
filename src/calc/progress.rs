//! The figures of a month's progress (`model::MonthlyProgress`), declared once: the 进度 grid,
//! validation, the county template and the report read these.

use serde::Serialize;

use crate::calc::costs::ProjectCosts;
use crate::calc::measure::{Bounds, Unit};
use crate::calc::model::{Instrument, Month, MonthlyProgress, Project, ResettlementWay};
use crate::words::i18n::Lang;
use crate::words::i18n::Text;

/// A figure of a monthly record, declared once: the 进度 grid's columns, validation, the
/// county template and the report read these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgressField {
    Signed,
    Vacated,
    Monetized(ResettlementWay),
    StartedUnits,
    CompletedUnits,
    Invested,
    Funds(Instrument),
}

impl ProgressField {
    /// Every figure, in the report's order.
    pub fn all() -> Vec<ProgressField> {
        let mut out = vec![ProgressField::Signed, ProgressField::Vacated];
        out.extend(
            ResettlementWay::ALL
                .iter()
                .filter(|w| w.monetized())
                .map(|&w| ProgressField::Monetized(w)),
        );
        out.extend([
            ProgressField::StartedUnits,
            ProgressField::CompletedUnits,
            ProgressField::Invested,
        ]);
        out.extend(Instrument::ALL.iter().map(|&i| ProgressField::Funds(i)));
        out
    }

    /// Every figure in the order of a document's record: the report's order, but 房票 (version
    /// 10) after the rest, so a record written before it reads as it did.
    pub fn in_record() -> Vec<ProgressField> {
        let late = ProgressField::Monetized(ResettlementWay::Voucher);
        let mut out: Vec<ProgressField> = Self::all().into_iter().filter(|&f| f != late).collect();
        out.push(late);
        out
    }

    /// "signed", "monetized.cash", "funds.policy_loan": the grid's test ids and the template's
    /// column keys.
    pub fn key(self) -> String {
        match self {
            ProgressField::Signed => "signed".into(),
            ProgressField::Vacated => "vacated".into(),
            ProgressField::Monetized(w) => format!("monetized.{}", w.key()),
            ProgressField::StartedUnits => "started_units".into(),
            ProgressField::CompletedUnits => "completed_units".into(),
            ProgressField::Invested => "invested".into(),
            ProgressField::Funds(i) => format!("funds.{}", i.key()),
        }
    }

    /// "签约户数", "货币化安置·直接发放补偿资金（户）", "到位资金·国开行/农发行贷款".
    pub fn name(self, lang: Lang) -> String {
        match self {
            ProgressField::Signed => Text::ProgressSigned.tr(lang).into(),
            ProgressField::Vacated => Text::ProgressVacated.tr(lang).into(),
            ProgressField::Monetized(w) => {
                Text::ProgressMonetizedWay.fill(lang, &[&w.label().tr(lang)])
            }
            ProgressField::StartedUnits => Text::ProgressStarted.tr(lang).into(),
            ProgressField::CompletedUnits => Text::ProgressCompleted.tr(lang).into(),
            ProgressField::Invested => Text::ProgressInvested.tr(lang).into(),
            ProgressField::Funds(i) => Text::ProgressFundsOf.fill(lang, &[&i.label().tr(lang)]),
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            ProgressField::Invested | ProgressField::Funds(_) => Unit::Wan,
            _ => Unit::Households,
        }
    }

    /// Whether `v` can stand as this figure as it was written: a count has no fraction. Every
    /// reader refuses 90.5 households rather than let `set` round it (the bounds are
    /// validation's).
    pub fn takes(self, v: f64) -> bool {
        self.unit() == Unit::Wan || v.fract() == 0.0
    }

    /// Counts are whole and at most the plan document's household bound; amounts are money.
    pub fn bounds(self) -> Bounds {
        match self.unit() {
            Unit::Wan => Bounds::MONEY,
            _ => Bounds::whole(0.0, crate::calc::fields::MAX_HOUSEHOLDS),
        }
    }

    pub fn get(self, r: &MonthlyProgress) -> f64 {
        match self {
            ProgressField::Signed => r.signed as f64,
            ProgressField::Vacated => r.vacated as f64,
            ProgressField::Monetized(w) => w.amount(&r.monetized) as f64,
            ProgressField::StartedUnits => r.started_units as f64,
            ProgressField::CompletedUnits => r.completed_units as f64,
            ProgressField::Invested => r.invested,
            ProgressField::Funds(i) => i.amount(&r.funds),
        }
    }

    /// Sets the figure (a count is rounded to whole households; bounds are validation's).
    pub fn set(self, r: &mut MonthlyProgress, v: f64) {
        let count = v.max(0.0).round() as u64;
        match self {
            ProgressField::Signed => r.signed = count,
            ProgressField::Vacated => r.vacated = count,
            ProgressField::Monetized(w) => *w.amount_mut(&mut r.monetized) = count,
            ProgressField::StartedUnits => r.started_units = count,
            ProgressField::CompletedUnits => r.completed_units = count,
            ProgressField::Invested => r.invested = v,
            ProgressField::Funds(i) => *i.amount_mut(&mut r.funds) = v,
        }
    }

    /// The most the plan allows over the project's life: its households, the households of a
    /// way, its in-kind flats, its investment; flats completed never exceed flats started.
    pub fn plan_limit(self, p: &Project, costs: &ProjectCosts, r: &MonthlyProgress) -> f64 {
        let households = costs.households;
        match self {
            ProgressField::Signed | ProgressField::Vacated => f64::from(p.households),
            ProgressField::Monetized(w) => w.amount(&households) as f64,
            ProgressField::StartedUnits => ResettlementWay::NewBuild.amount(&households) as f64,
            ProgressField::CompletedUnits => r.started_units as f64,
            ProgressField::Invested | ProgressField::Funds(_) => costs.total.total(),
        }
    }
}

/// A rate of the month's plan against actual, declared once: the ranking's composite weighs
/// these, the report and the grid's summary show them (docs/model.md, 进度).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ProgressRate {
    /// 开工率: (flats started + households resettled with money) ÷ the year's target.
    Start,
    /// 签约率.
    Signing,
    /// 货币化安置率 (actual).
    Monetized,
    /// 投资完成率.
    Investment,
    /// 资金到位率: all funds in place ÷ the year's planned sources.
    Funds,
}

impl ProgressRate {
    pub const ALL: &'static [ProgressRate] = &[
        ProgressRate::Start,
        ProgressRate::Signing,
        ProgressRate::Monetized,
        ProgressRate::Investment,
        ProgressRate::Funds,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ProgressRate::Start => "start",
            ProgressRate::Signing => "signing",
            ProgressRate::Monetized => "monetized",
            ProgressRate::Investment => "investment",
            ProgressRate::Funds => "funds",
        }
    }

    pub fn label(self) -> Text {
        match self {
            ProgressRate::Start => Text::ColStartRate,
            ProgressRate::Signing => Text::ColSigningRate,
            ProgressRate::Monetized => Text::ColMonetizedActual,
            ProgressRate::Investment => Text::ColInvestmentRate,
            ProgressRate::Funds => Text::ColFundsRate,
        }
    }
}

// ---------------------------------------------------------------------------------------
// A month's record in the document: `["2027-03", 120, 80, 8, …, {"reason": …}]`, the month
// then the figures in `ProgressField::all()`'s order (trailing zeros left out), then the notes
// when there are any. Version 5 wrote a record as an object; it still reads.

/// The notes of a record, as the document writes them.
#[derive(Debug, Default, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Notes {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    reason: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    correction: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    delay: String,
}

impl Serialize for MonthlyProgress {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let fields = ProgressField::in_record();
        let shown = fields
            .iter()
            .rposition(|f| f.get(self) != 0.0)
            .map_or(0, |i| i + 1);
        let notes = Notes {
            reason: self.reason.clone(),
            correction: self.correction.clone(),
            delay: self.delay.clone(),
        };
        let has_notes =
            !(notes.reason.is_empty() && notes.correction.is_empty() && notes.delay.is_empty());
        let mut seq = s.serialize_seq(Some(1 + shown + usize::from(has_notes)))?;
        seq.serialize_element(&self.month)?;
        for f in &fields[..shown] {
            match f.unit() {
                // Counts as whole numbers, amounts as the money they are.
                Unit::Wan => seq.serialize_element(&f.get(self))?,
                _ => seq.serialize_element(&(f.get(self) as u64))?,
            }
        }
        if has_notes {
            seq.serialize_element(&notes)?;
        }
        seq.end()
    }
}

/// An element of a record after its month: a figure, or the notes.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Element {
    Figure(f64),
    Notes(Notes),
}

/// Version 5's record: an object of named figures.
#[derive(serde::Deserialize)]
struct NamedRecord {
    month: Month,
    #[serde(default)]
    signed: u64,
    #[serde(default)]
    vacated: u64,
    #[serde(default)]
    monetized: std::collections::BTreeMap<ResettlementWay, u64>,
    #[serde(default)]
    started_units: u64,
    #[serde(default)]
    completed_units: u64,
    #[serde(default)]
    invested: f64,
    #[serde(default)]
    funds: crate::calc::model::Sources,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    correction: String,
}

struct RecordVisitor;

impl<'de> serde::de::Visitor<'de> for RecordVisitor {
    type Value = MonthlyProgress;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a month's record: [\"2027-03\", figures…]")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error;
        let month: Month = seq
            .next_element()?
            .ok_or_else(|| A::Error::invalid_length(0, &self))?;
        let mut r = MonthlyProgress::empty(month);
        let fields = ProgressField::in_record();
        let mut next = fields.iter();
        while let Some(element) = seq.next_element::<Element>()? {
            match element {
                Element::Figure(v) => {
                    let f = next
                        .next()
                        .ok_or_else(|| A::Error::custom("more figures than a record has"))?;
                    if !(v.is_finite() && v >= 0.0 && f.takes(v)) {
                        return Err(A::Error::custom(format!(
                            "{} is {v}: a figure is a number, 0 or more (households and flats whole)",
                            f.key()
                        )));
                    }
                    f.set(&mut r, v);
                }
                Element::Notes(n) => {
                    (r.reason, r.correction, r.delay) = (n.reason, n.correction, n.delay);
                }
            }
        }
        Ok(r)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        use serde::Deserialize;
        let n = NamedRecord::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        Ok(MonthlyProgress {
            month: n.month,
            signed: n.signed,
            vacated: n.vacated,
            monetized: {
                let mut by_way = crate::calc::model::Rehousing::default();
                for (w, k) in n.monetized.into_iter().filter(|(w, _)| w.monetized()) {
                    *w.amount_mut(&mut by_way) = k;
                }
                by_way
            },
            started_units: n.started_units,
            completed_units: n.completed_units,
            invested: n.invested,
            funds: n.funds,
            reason: n.reason,
            correction: n.correction,
            delay: String::new(),
        })
    }
}

impl<'de> serde::Deserialize<'de> for MonthlyProgress {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RecordVisitor)
    }
}
