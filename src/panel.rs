//! The page's long panels, shown one at a time as tabs below the answer; the
//! open one travels in the link (`tab`) when it is not the first.

/// A panel below the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Panel {
    /// The effect of the measures (clients averted, contributions, stock), the default.
    #[default]
    Effect,
    /// Which measure matters most (the lever table).
    Measures,
    /// What would it take.
    Solve,
    /// Which assumption matters most (the tornado).
    Sensitivity,
    /// Observed data and the back-test.
    Observed,
    /// Assumptions and uncertainties.
    Assumptions,
    /// Targets and their windows.
    Targets,
    /// Simulation settings.
    Simulation,
    /// The explanation of the model.
    Explanation,
}

impl Panel {
    /// Every panel, in the order of the tabs.
    pub const ALL: [Panel; 9] = [
        Panel::Effect,
        Panel::Measures,
        Panel::Solve,
        Panel::Sensitivity,
        Panel::Observed,
        Panel::Assumptions,
        Panel::Targets,
        Panel::Simulation,
        Panel::Explanation,
    ];

    /// Its code in the link (`tab=solve`) and in element ids.
    pub fn code(self) -> &'static str {
        match self {
            Panel::Effect => "effect",
            Panel::Measures => "measures",
            Panel::Solve => "solve",
            Panel::Sensitivity => "sensitivity",
            Panel::Observed => "observed",
            Panel::Assumptions => "assumptions",
            Panel::Targets => "targets",
            Panel::Simulation => "simulation",
            Panel::Explanation => "explanation",
        }
    }

    /// The panel a link's `tab` names, if any.
    pub fn parse(code: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The catalogue key of its tab's label (`tab.<code>`).
    pub fn label_key(self) -> String {
        format!("tab.{}", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_and_every_tab_has_a_label() {
        for panel in Panel::ALL {
            assert_eq!(Panel::parse(panel.code()), Some(panel));
            assert!(crate::i18n::has(&panel.label_key()), "{panel:?}");
        }
        assert_eq!(Panel::parse("Solve"), None);
    }
}
