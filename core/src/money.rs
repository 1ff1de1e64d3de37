//! The fee calculator: monthly payout of each fee model across sales scenarios, in integer minor
//! units (no floats anywhere), with the crossover where a pure percentage overtakes a fixed
//! minimum plus a KPI bonus. The bonus is counted on sales (units or revenue) or, where sales
//! cannot be traced to the work, on leads; leads and sales are linked by the lead-to-sale share.

/// Inputs above this (in major units) are rejected as absurd: 10^12 keeps every product of two
/// amounts and a rate inside i128 and every payout inside i64.
pub const MAX_MAJOR: i64 = 1_000_000_000_000;
/// 100 % in basis points.
pub const FULL_BP: i64 = 10_000;

/// An amount of money in minor units (kopecks, cents). Never negative once validated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub i64);

impl Money {
    pub fn major(units: i64) -> Money {
        Money(units.saturating_mul(100))
    }
}

/// A rate in basis points (1 % = 100).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct BasisPoints(pub i64);

impl BasisPoints {
    /// `amount × rate`, rounded down to the minor unit.
    pub fn of(self, amount: Money) -> Money {
        Money(to_i64(
            i128::from(amount.0) * i128::from(self.0) / i128::from(FULL_BP),
        ))
    }
}

fn to_i64(v: i128) -> i64 {
    i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Currency {
    Rub,
    Eur,
    Usd,
}

impl Currency {
    pub const ALL: [Currency; 3] = [Currency::Rub, Currency::Eur, Currency::Usd];

    pub fn code(self) -> &'static str {
        match self {
            Currency::Rub => "RUB",
            Currency::Eur => "EUR",
            Currency::Usd => "USD",
        }
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Currency::Rub => "₽",
            Currency::Eur => "€",
            Currency::Usd => "$",
        }
    }

    /// Formats for the reader's language: `$1,000,000.50` (en), `1 000 000,50 €` (ru, fi),
    /// `10.000 €` (es). Kopecks and cents are shown only when present.
    pub fn format(self, m: Money, style: NumberStyle) -> String {
        let sign = if m.0 < 0 { "-" } else { "" };
        let abs = m.0.unsigned_abs();
        let (whole, cents) = (abs / 100, abs % 100);
        let mut number = style.group_digits(&whole.to_string());
        if cents != 0 {
            number.push(style.decimal);
            number.push_str(&format!("{cents:02}"));
        }
        if style.symbol_first {
            format!("{sign}{}{number}", self.symbol())
        } else {
            format!("{sign}{number}\u{a0}{}", self.symbol())
        }
    }
}

/// How numbers are written in a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberStyle {
    pub group: char,
    pub decimal: char,
    /// `$5` rather than `5 $`.
    pub symbol_first: bool,
    /// Numbers with fewer digits are not grouped (Spanish writes `1000` but `10.000`).
    pub min_grouping_digits: usize,
    /// `3 %` rather than `3%`.
    pub percent_space: bool,
}

impl NumberStyle {
    pub const ENGLISH: NumberStyle = NumberStyle {
        group: ',',
        decimal: '.',
        symbol_first: true,
        min_grouping_digits: 4,
        percent_space: false,
    };
    /// Russian and Finnish: a narrow no-break space groups, a comma marks decimals.
    pub const SPACE_COMMA: NumberStyle = NumberStyle {
        group: '\u{202f}',
        decimal: ',',
        symbol_first: false,
        min_grouping_digits: 4,
        percent_space: true,
    };
    pub const SPANISH: NumberStyle = NumberStyle {
        group: '.',
        decimal: ',',
        symbol_first: false,
        min_grouping_digits: 5,
        percent_space: true,
    };

    /// The percent sign as written after a number: `10%`, or `10 %` with a no-break space.
    pub fn percent_sign(self) -> &'static str {
        if self.percent_space {
            "\u{a0}%"
        } else {
            "%"
        }
    }

    /// `digits` (ASCII, no sign) with group separators every three from the right.
    pub fn group_digits(self, digits: &str) -> String {
        if digits.len() < self.min_grouping_digits {
            return digits.to_string();
        }
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 3);
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(self.group);
            }
            grouped.push(ch);
        }
        grouped
    }
}

/// When the bonus starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Threshold {
    /// Monthly revenue above which the bonus is paid.
    Revenue(Money),
    /// Units sold above which the bonus is paid (units = sales ÷ average order).
    Units(i64),
    /// Leads above which the bonus is paid (leads = units ÷ the lead-to-sale share).
    Leads(i64),
}

/// What the specialist earns above the threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bonus {
    /// A share of the revenue above the threshold.
    Percent(BasisPoints),
    /// A fixed amount per unit sold above the threshold.
    PerUnit(Money),
    /// A fixed amount per lead above the threshold.
    PerLead(Money),
}

/// A validated calculator set-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    pub currency: Currency,
    pub current_sales: Money,
    pub range_min: Money,
    pub range_max: Money,
    pub avg_order: Money,
    pub fixed_min: Money,
    pub threshold: Threshold,
    pub bonus: Bonus,
    pub percent: BasisPoints,
    /// Optional monthly ceiling on what either performance model pays.
    pub cap: Option<Money>,
    /// The share of leads that buy: links leads to sales for a bonus on leads.
    pub conversion: BasisPoints,
}

impl Plan {
    /// Revenue at which the bonus starts.
    pub fn threshold_revenue(&self) -> Money {
        match self.threshold {
            Threshold::Revenue(m) => m,
            Threshold::Units(n) => Money(to_i64(i128::from(n) * i128::from(self.avg_order.0))),
            Threshold::Leads(n) => Money(to_i64(
                i128::from(n) * self.revenue_per_lead_bp() / i128::from(FULL_BP),
            )),
        }
    }

    /// What one lead brings in sales, in minor units × [`FULL_BP`] (exact).
    fn revenue_per_lead_bp(&self) -> i128 {
        i128::from(self.avg_order.0) * i128::from(self.conversion.0)
    }

    /// The leads behind `sales`, rounded down.
    pub fn leads_for(&self, sales: Money) -> i64 {
        let per_lead = self.revenue_per_lead_bp().max(1);
        to_i64(i128::from(sales.0) * i128::from(FULL_BP) / per_lead)
    }

    /// Whether the bonus is counted on leads.
    pub fn on_leads(&self) -> bool {
        matches!(self.bonus, Bonus::PerLead(_))
    }

    /// The bonus rate on revenue above the threshold, as a fraction `num / den`.
    fn bonus_rate(&self) -> (i128, i128) {
        match self.bonus {
            Bonus::Percent(bp) => (i128::from(bp.0), i128::from(FULL_BP)),
            Bonus::PerUnit(m) => (i128::from(m.0), i128::from(self.avg_order.0.max(1))),
            Bonus::PerLead(m) => (
                i128::from(m.0) * i128::from(FULL_BP),
                self.revenue_per_lead_bp().max(1),
            ),
        }
    }

    fn capped(&self, m: Money) -> Money {
        match self.cap {
            Some(cap) => m.min(cap),
            None => m,
        }
    }

    /// Fixed minimum + bonus on what is above the threshold, rounded down, capped.
    pub fn bonus_payout(&self, sales: Money) -> Money {
        let above = i128::from((sales.0 - self.threshold_revenue().0).max(0));
        let (num, den) = self.bonus_rate();
        let bonus = to_i64(above * num / den);
        self.capped(Money(self.fixed_min.0.saturating_add(bonus)))
    }

    /// A pure percentage of sales, rounded down, capped.
    pub fn percent_payout(&self, sales: Money) -> Money {
        self.capped(self.percent.of(sales))
    }

    /// The smallest sales (in minor units) from which a pure percentage pays at least as much as
    /// the fixed minimum + bonus, for good; None when it never overtakes.
    pub fn crossover(&self) -> Option<Money> {
        let f = i128::from(self.fixed_min.0);
        let t = i128::from(self.threshold_revenue().0);
        let (pn, pd) = (i128::from(self.percent.0), i128::from(FULL_BP));
        let (rn, rd) = self.bonus_rate();
        if pn == 0 {
            return None;
        }
        // Above the threshold: p·S ≥ F + r·(S − T)  ⇔  S·k ≥ F·pd·rd − T·rn·pd, k = pn·rd − rn·pd.
        // When the bonus grows faster (k < 0) the percentage can only lead for a while.
        let k = pn * rd - rn * pd;
        if k < 0 {
            return None;
        }
        // Below the threshold the bonus model pays F flat: p·S ≥ F.
        let below = ceil_div(f * pd, pn);
        let exact = if below <= t {
            below
        } else if k == 0 {
            return None;
        } else {
            ceil_div(f * pd * rd - t * rn * pd, k).max(t)
        };
        // Flooring both payouts to the minor unit keeps "≥" from the exact point on, because F
        // is whole: ⌊p·S⌋ ≥ F + ⌊r·(S − T)⌋ whenever p·S ≥ F + r·(S − T).
        let Ok(s) = i64::try_from(exact.max(0)) else {
            return None;
        };
        if let Some(cap) = self.cap {
            if self.bonus_payout(Money(s)) >= cap {
                return None;
            }
        }
        Some(Money(s))
    }

    /// Sales at which each performance model reaches the monthly cap (where its line bends).
    pub fn cap_points(&self) -> Vec<Money> {
        let Some(cap) = self.cap else {
            return Vec::new();
        };
        let mut points = Vec::new();
        if self.percent.0 > 0 {
            points.push(ceil_div(
                i128::from(cap.0) * i128::from(FULL_BP),
                i128::from(self.percent.0),
            ));
        }
        let (num, den) = self.bonus_rate();
        if num > 0 && cap > self.fixed_min {
            let above = ceil_div(i128::from(cap.0 - self.fixed_min.0) * den, num);
            points.push(i128::from(self.threshold_revenue().0) + above);
        }
        points
            .into_iter()
            .filter_map(|p| i64::try_from(p).ok().map(Money))
            .collect()
    }

    /// Sales scenarios for the table: evenly spread across the range, plus the current sales and
    /// the crossover when they fall inside it.
    pub fn scenarios(&self, steps: i64) -> Vec<Money> {
        let (lo, hi) = (self.range_min.0, self.range_max.0);
        let steps = steps.max(1);
        let mut points: Vec<Money> = (0..=steps)
            .map(|i| {
                Money(to_i64(
                    i128::from(lo) + i128::from(hi - lo) * i128::from(i) / i128::from(steps),
                ))
            })
            .collect();
        for extra in [Some(self.current_sales), self.crossover()]
            .into_iter()
            .flatten()
        {
            if (lo..=hi).contains(&extra.0) {
                points.push(extra);
            }
        }
        super::order::sort_by_key(&mut points, |m| *m);
        points.dedup();
        points
    }

    /// One row per scenario: sales, fixed minimum, bonus model, pure percentage.
    pub fn table(&self, steps: i64) -> Vec<Row> {
        self.scenarios(steps)
            .into_iter()
            .map(|sales| Row {
                sales,
                leads: self.on_leads().then(|| self.leads_for(sales)),
                fixed: self.fixed_min,
                bonus: self.bonus_payout(sales),
                percent: self.percent_payout(sales),
            })
            .collect()
    }
}

fn ceil_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) == (b < 0)) {
        q + 1
    } else {
        q
    }
}

/// Monthly payouts at one level of sales.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub sales: Money,
    /// The leads behind these sales, when the bonus is counted on leads.
    pub leads: Option<i64>,
    /// The fixed minimum alone: what the owner pays for the same work with no bonus.
    pub fixed: Money,
    pub bonus: Money,
    pub percent: Money,
}

impl Row {
    /// Whether the pure percentage pays more than the fixed minimum + bonus here.
    pub fn percent_ahead(&self) -> bool {
        self.percent > self.bonus
    }
}

crate::ids::named_set! {
    /// Every value of the calculator by its stored name, in the order it is stored: the one
    /// list the stored format, the form's input ids and the error messages read. The four
    /// choices are set with their own controls; the rest are typed text.
    pub enum Field {
        Currency = "currency",
        CurrentSales = "current_sales",
        RangeMin = "range_min",
        RangeMax = "range_max",
        AvgOrder = "avg_order",
        FixedMin = "fixed_min",
        ThresholdKind = "threshold_kind",
        Threshold = "threshold",
        BonusKind = "bonus_kind",
        Bonus = "bonus",
        Percent = "percent",
        Cap = "cap",
        Measure = "measure",
        Conversion = "conversion",
        LeadThreshold = "lead_threshold",
        LeadBonus = "lead_bonus",
    }
}

crate::ids::named_set! {
    /// What the bonus threshold counts on sales.
    pub enum ThresholdKind {
        /// Units sold after the first N.
        Units = "units",
        /// Revenue above an amount.
        Revenue = "revenue",
    }
}

crate::ids::named_set! {
    /// How the bonus on sales is paid.
    pub enum BonusKind {
        /// An amount for every unit sold over the threshold.
        PerUnit = "per_unit",
        /// A share of the revenue over the threshold.
        Percent = "percent",
    }
}

crate::ids::named_set! {
    /// What the bonus is counted on.
    pub enum Measure {
        Sales = "sales",
        /// Leads, for a client whose sales the specialist cannot see.
        Leads = "leads",
    }
}

/// Why an input was rejected; each maps to a message id `calc.err.<id>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputError {
    Empty,
    NotANumber,
    Negative,
    TooLarge,
    TooManyDecimals,
    Zero,
    PercentOver100,
    NotWhole,
    MinAboveMax,
    ThresholdAboveRange,
    /// A per-unit bonus above the average order would pay more than the sale brings.
    BonusAboveOrder,
    /// A per-lead bonus above what a lead brings (average order × lead-to-sale share).
    BonusAboveLeadValue,
    /// A cap below the fixed minimum would cut the minimum itself.
    CapBelowMinimum,
}

impl InputError {
    pub fn message_id(self) -> &'static str {
        match self {
            InputError::Empty => "calc.err.empty",
            InputError::NotANumber => "calc.err.nan",
            InputError::Negative => "calc.err.negative",
            InputError::TooLarge => "calc.err.too_large",
            InputError::TooManyDecimals => "calc.err.decimals",
            InputError::Zero => "calc.err.zero",
            InputError::PercentOver100 => "calc.err.percent",
            InputError::NotWhole => "calc.err.whole",
            InputError::MinAboveMax => "calc.err.min_above_max",
            InputError::ThresholdAboveRange => "calc.err.threshold_above_range",
            InputError::BonusAboveOrder => "calc.err.bonus_above_order",
            InputError::BonusAboveLeadValue => "calc.err.bonus_above_lead_value",
            InputError::CapBelowMinimum => "calc.err.cap_below_minimum",
        }
    }
}

/// Parses a decimal typed by a person into hundredths: `1 500`, `1,500`, `1.500.000`, `1500.5`,
/// `12,5`, `1,000.50`. With both `.` and `,` the last one is the decimal mark; a single separator
/// followed by exactly three digits groups thousands (`1.500`), otherwise it is the decimal mark
/// (`0.125` is three decimals, not 125). Thousands groups must have three digits.
pub fn parse_hundredths(raw: &str) -> Result<i64, InputError> {
    let s: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_' | '\''))
        .collect();
    if s.is_empty() {
        return Err(InputError::Empty);
    }
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(InputError::NotANumber);
    }
    let is_sep = |c: char| c == '.' || c == ',';
    let decimal_at = match (body.matches('.').count(), body.matches(',').count()) {
        (0, 0) => None,
        (dots, commas) if dots > 0 && commas > 0 => {
            let i = body.rfind(is_sep).ok_or(InputError::NotANumber)?;
            let mark = &body[i..=i];
            if body.matches(mark).count() != 1 {
                return Err(InputError::NotANumber);
            }
            Some(i)
        }
        (1, 0) | (0, 1) => {
            let i = body.find(is_sep).ok_or(InputError::NotANumber)?;
            let (head, tail) = (&body[..i], &body[i + 1..]);
            let groups_thousands =
                tail.len() == 3 && (1..=3).contains(&head.len()) && !head.starts_with('0');
            (!groups_thousands).then_some(i)
        }
        _ => None,
    };
    let (whole, frac) = match decimal_at {
        Some(i) => (&body[..i], &body[i + 1..]),
        None => (body, ""),
    };
    if whole.contains(is_sep) {
        let mut groups = whole.split(is_sep);
        let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
        if !first_ok || !groups.all(|g| g.len() == 3) {
            return Err(InputError::NotANumber);
        }
    }
    if frac.len() > 2 {
        return Err(InputError::TooManyDecimals);
    }
    let whole_digits: String = whole.chars().filter(char::is_ascii_digit).collect();
    if whole_digits.is_empty() && frac.is_empty() {
        return Err(InputError::NotANumber);
    }
    if whole_digits.len() > 13 {
        return Err(InputError::TooLarge);
    }
    let whole_value: i64 = if whole_digits.is_empty() {
        0
    } else {
        whole_digits.parse().map_err(|_| InputError::NotANumber)?
    };
    let frac_value: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().map_err(|_| InputError::NotANumber)? * 10,
        _ => frac.parse().map_err(|_| InputError::NotANumber)?,
    };
    if negative && (whole_value > 0 || frac_value > 0) {
        return Err(InputError::Negative);
    }
    if whole_value > MAX_MAJOR {
        return Err(InputError::TooLarge);
    }
    Ok(whole_value * 100 + frac_value)
}

pub fn parse_money(raw: &str) -> Result<Money, InputError> {
    parse_hundredths(raw).map(Money)
}

pub fn parse_percent(raw: &str) -> Result<BasisPoints, InputError> {
    let v = parse_hundredths(raw.trim().trim_end_matches('%'))?;
    if v > FULL_BP {
        return Err(InputError::PercentOver100);
    }
    Ok(BasisPoints(v))
}

pub fn parse_units(raw: &str) -> Result<i64, InputError> {
    let v = parse_hundredths(raw)?;
    if v % 100 != 0 {
        return Err(InputError::NotWhole);
    }
    Ok(v / 100)
}

/// What the person typed, field by field, as text. Kept verbatim so nothing typed is lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanInput {
    pub currency: Currency,
    pub current_sales: String,
    pub range_min: String,
    pub range_max: String,
    pub avg_order: String,
    pub fixed_min: String,
    pub threshold_kind: ThresholdKind,
    pub threshold: String,
    pub bonus_kind: BonusKind,
    pub bonus: String,
    pub percent: String,
    /// Empty means no cap.
    pub cap: String,
    pub measure: Measure,
    /// The share of leads that buy, in percent.
    pub conversion: String,
    pub lead_threshold: String,
    pub lead_bonus: String,
}

impl Default for PlanInput {
    /// The source article's numbers: 10 % of 100,000 / 400,000 / 10,000,000; a bonus on every
    /// unit after the first ten. On leads, with one lead in ten buying, the same bonus: a tenth
    /// of it per lead after the first hundred.
    fn default() -> Self {
        PlanInput {
            currency: Currency::Rub,
            current_sales: "400000".into(),
            range_min: "100000".into(),
            range_max: "10000000".into(),
            avg_order: "5000".into(),
            fixed_min: "40000".into(),
            threshold_kind: ThresholdKind::Units,
            threshold: "10".into(),
            bonus_kind: BonusKind::PerUnit,
            bonus: "250".into(),
            percent: "10".into(),
            cap: String::new(),
            measure: Measure::Sales,
            conversion: "10".into(),
            lead_threshold: "100".into(),
            lead_bonus: "25".into(),
        }
    }
}

impl PlanInput {
    /// A value as stored: a choice by its name, a typed field as typed.
    pub fn get(&self, f: Field) -> &str {
        match f {
            Field::Currency => self.currency.code(),
            Field::ThresholdKind => self.threshold_kind.name(),
            Field::BonusKind => self.bonus_kind.name(),
            Field::Measure => self.measure.name(),
            Field::CurrentSales => &self.current_sales,
            Field::RangeMin => &self.range_min,
            Field::RangeMax => &self.range_max,
            Field::AvgOrder => &self.avg_order,
            Field::FixedMin => &self.fixed_min,
            Field::Threshold => &self.threshold,
            Field::Bonus => &self.bonus,
            Field::Percent => &self.percent,
            Field::Cap => &self.cap,
            Field::Conversion => &self.conversion,
            Field::LeadThreshold => &self.lead_threshold,
            Field::LeadBonus => &self.lead_bonus,
        }
    }

    /// Sets a value from its stored text; a choice by a name it does not know stays as it was.
    pub fn set(&mut self, f: Field, value: String) {
        match f {
            Field::Currency => {
                self.currency = Currency::from_code(&value).unwrap_or(self.currency);
            }
            Field::ThresholdKind => {
                self.threshold_kind =
                    ThresholdKind::from_name(&value).unwrap_or(self.threshold_kind);
            }
            Field::BonusKind => {
                self.bonus_kind = BonusKind::from_name(&value).unwrap_or(self.bonus_kind);
            }
            Field::Measure => self.measure = Measure::from_name(&value).unwrap_or(self.measure),
            _ => {
                if let Some(slot) = self.text_mut(f) {
                    *slot = value;
                }
            }
        }
    }

    /// The text a typed field holds; `None` for the four choices.
    fn text_mut(&mut self, f: Field) -> Option<&mut String> {
        Some(match f {
            Field::Currency | Field::ThresholdKind | Field::BonusKind | Field::Measure => {
                return None
            }
            Field::CurrentSales => &mut self.current_sales,
            Field::RangeMin => &mut self.range_min,
            Field::RangeMax => &mut self.range_max,
            Field::AvgOrder => &mut self.avg_order,
            Field::FixedMin => &mut self.fixed_min,
            Field::Threshold => &mut self.threshold,
            Field::Bonus => &mut self.bonus,
            Field::Percent => &mut self.percent,
            Field::Cap => &mut self.cap,
            Field::Conversion => &mut self.conversion,
            Field::LeadThreshold => &mut self.lead_threshold,
            Field::LeadBonus => &mut self.lead_bonus,
        })
    }

    pub fn currency(&self) -> Currency {
        self.currency
    }

    pub fn units_threshold(&self) -> bool {
        self.threshold_kind == ThresholdKind::Units
    }

    pub fn per_unit_bonus(&self) -> bool {
        self.bonus_kind == BonusKind::PerUnit
    }

    /// Whether the bonus is counted on leads rather than sales.
    pub fn on_leads(&self) -> bool {
        self.measure == Measure::Leads
    }

    /// Validates every field; on failure returns each bad field with its reason.
    pub fn validate(&self) -> Result<Plan, Vec<(Field, InputError)>> {
        let mut errors = Vec::new();
        let mut take = |f: Field, r: Result<Money, InputError>| match r {
            Ok(m) => Some(m),
            Err(e) => {
                errors.push((f, e));
                None
            }
        };
        let current = take(Field::CurrentSales, parse_money(&self.current_sales));
        let lo = take(Field::RangeMin, parse_money(&self.range_min));
        let hi = take(Field::RangeMax, parse_money(&self.range_max));
        let aov = take(
            Field::AvgOrder,
            parse_money(&self.avg_order).and_then(|m| {
                if m.0 == 0 {
                    Err(InputError::Zero)
                } else {
                    Ok(m)
                }
            }),
        );
        let fixed = take(Field::FixedMin, parse_money(&self.fixed_min));
        let conversion = if self.on_leads() {
            take(
                Field::Conversion,
                parse_percent(&self.conversion).and_then(|b| {
                    if b.0 == 0 {
                        Err(InputError::Zero)
                    } else {
                        Ok(Money(b.0))
                    }
                }),
            )
            .map(|m| BasisPoints(m.0))
        } else {
            Some(BasisPoints(FULL_BP))
        };
        let threshold = if self.on_leads() {
            take(
                Field::LeadThreshold,
                parse_units(&self.lead_threshold).map(Money),
            )
            .map(|m| Threshold::Leads(m.0))
        } else if self.units_threshold() {
            take(Field::Threshold, parse_units(&self.threshold).map(Money))
                .map(|m| Threshold::Units(m.0))
        } else {
            take(Field::Threshold, parse_money(&self.threshold)).map(Threshold::Revenue)
        };
        let bonus = if self.on_leads() {
            take(Field::LeadBonus, parse_money(&self.lead_bonus)).map(Bonus::PerLead)
        } else if self.per_unit_bonus() {
            take(Field::Bonus, parse_money(&self.bonus)).map(Bonus::PerUnit)
        } else {
            take(Field::Bonus, parse_percent(&self.bonus).map(|b| Money(b.0)))
                .map(|m| Bonus::Percent(BasisPoints(m.0)))
        };
        let percent = take(
            Field::Percent,
            parse_percent(&self.percent).map(|b| Money(b.0)),
        )
        .map(|m| BasisPoints(m.0));
        let cap = if self.cap.trim().is_empty() {
            Some(None)
        } else {
            take(Field::Cap, parse_money(&self.cap)).map(Some)
        };
        if let (Some(lo), Some(hi)) = (lo, hi) {
            if lo >= hi {
                errors.push((Field::RangeMax, InputError::MinAboveMax));
            }
        }
        let (
            Some(current),
            Some(lo),
            Some(hi),
            Some(aov),
            Some(fixed),
            Some(threshold),
            Some(bonus),
            Some(percent),
            Some(cap),
            Some(conversion),
        ) = (
            current, lo, hi, aov, fixed, threshold, bonus, percent, cap, conversion,
        )
        else {
            return Err(errors);
        };
        let plan = Plan {
            currency: self.currency(),
            current_sales: current,
            range_min: lo,
            range_max: hi,
            avg_order: aov,
            fixed_min: fixed,
            threshold,
            bonus,
            percent,
            cap,
            conversion,
        };
        match bonus {
            Bonus::PerUnit(b) if b > aov => {
                errors.push((Field::Bonus, InputError::BonusAboveOrder));
            }
            Bonus::PerLead(b)
                if i128::from(b.0) * i128::from(FULL_BP) > plan.revenue_per_lead_bp() =>
            {
                errors.push((Field::LeadBonus, InputError::BonusAboveLeadValue));
            }
            _ => {}
        }
        if cap.is_some_and(|c| c < fixed) {
            errors.push((Field::Cap, InputError::CapBelowMinimum));
        }
        let threshold_field = if plan.on_leads() {
            Field::LeadThreshold
        } else {
            Field::Threshold
        };
        if plan.threshold_revenue() > hi {
            errors.push((threshold_field, InputError::ThresholdAboveRange));
        }
        if plan.threshold_revenue().0 > MAX_MAJOR * 100 {
            errors.push((threshold_field, InputError::TooLarge));
        }
        if errors.is_empty() {
            Ok(plan)
        } else {
            Err(errors)
        }
    }
}
