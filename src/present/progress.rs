//! The month's progress in words: why a project is behind, a district's marks in the ranking,
//! its change of place since last month.

use crate::analysis::progress::{Behind, Ranked};
use crate::words::i18n::{fmt_pct, Lang, Text};

/// "征收未按期启动，滞后 3 个月", "开工率 5.0%，低于时序进度 25.0% 的一半".
pub fn behind_text(b: &Behind, lang: Lang) -> String {
    match b {
        Behind::Expropriation { months } => Text::BehindExpropriation.fill(lang, &[months]),
        Behind::Construction { months } => Text::BehindConstruction.fill(lang, &[months]),
        Behind::Pace { rate, year_gone } => {
            Text::BehindPace.fill(lang, &[&fmt_pct(*rate), &fmt_pct(*year_gone)])
        }
    }
}

/// "前三", "后三", "低于平均", joined.
pub fn marks(r: &Ranked, lang: Lang) -> String {
    let mut out = Vec::new();
    if r.top {
        out.push(Text::RankTop.tr(lang));
    }
    if r.bottom {
        out.push(Text::RankBottom.tr(lang));
    }
    if r.below_average {
        out.push(Text::RankBelowAverage.tr(lang));
    }
    out.join(Text::ListSeparator.tr(lang))
}

/// "↑2", "↓1", "持平", "—" (not ranked last month).
pub fn change_text(change: Option<i64>, lang: Lang) -> String {
    match change {
        None => "—".into(),
        Some(0) => Text::RankSame.tr(lang).into(),
        Some(n) if n > 0 => format!("↑{n}"),
        Some(n) => format!("↓{}", -n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_behind_and_ranks() {
        assert_eq!(
            behind_text(&Behind::Expropriation { months: 3 }, Lang::Zh),
            "征收未按期启动，滞后 3 个月"
        );
        assert_eq!(change_text(Some(2), Lang::Zh), "↑2");
        assert_eq!(change_text(Some(-1), Lang::Zh), "↓1");
        assert_eq!(change_text(Some(0), Lang::Zh), "持平");
        assert_eq!(change_text(None, Lang::Zh), "—");
    }
}
