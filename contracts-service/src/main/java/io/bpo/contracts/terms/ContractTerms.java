package io.bpo.contracts.terms;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.bpo.kit.validation.LanguageTag;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything a contract commits both parties to, as one document: term, pricing, governance, calendars, scope,
 * objectives and SLAs. Each contract version stores one immutable copy; an amendment is a new copy with an effective
 * date. Items reference each other by {@code key} (an SLA names its calendar and the scope items it covers; an
 * objective names the SLAs that measure it), so a breach traces back to the clause and the objective.
 */
@Schema(description = "The complete terms of a contract version")
public record ContractTerms(
        @NotNull @Valid Term term,
        @NotNull @Valid Pricing pricing,
        @NotNull @Size(max = 10) List<@Valid @NotNull GovernanceBody> governance,
        @NotNull @Size(max = 20) List<@Valid @NotNull ServiceCalendar> calendars,
        @NotNull @Size(max = 100) List<@Valid @NotNull ScopeItem> scope,
        @NotNull @Size(max = 50) List<@Valid @NotNull Objective> objectives,
        @NotNull @Size(max = 100) List<@Valid @NotNull SlaDefinition> slas) {

    public static final String KEY = "[a-z0-9][a-z0-9-]{0,49}";

    /**
     * What a machine that only pushes measurements may read: the term, calendars, scope and the SLAs' keys,
     * metrics and periods, without the commercial terms (pricing, service credits, bonuses), governance or
     * objectives.
     */
    public ContractTerms withoutCommercialTerms() {
        List<SlaDefinition> measured = slas.stream().map(s -> new SlaDefinition(s.key(), s.name(), s.metric(),
                s.comparator(), s.target(), s.warning(), s.thresholdSeconds(), s.period(), s.calendar(), s.weight(),
                s.scope(), null, null)).toList();
        return new ContractTerms(term, null, List.of(), calendars, scope, List.of(), measured);
    }
    static final String KEY_MESSAGE = "must be a key of 1-50 lowercase letters, digits or '-'";

    public enum Renewal { TACIT, EXPLICIT }

    public enum PricingModel { PER_TRANSACTION, PER_FTE, FIXED_FEE, OUTCOME_BASED }

    public enum GovernanceLevel { OPERATIONAL, STEERING, STRATEGIC }

    public enum Cadence { WEEKLY, FORTNIGHTLY, MONTHLY, QUARTERLY, SEMI_ANNUAL, ANNUAL }

    public enum Channel { PHONE, EMAIL, CHAT, BACK_OFFICE }

    public enum ObjectiveCategory { COST, QUALITY, SATISFACTION, VISIBILITY, FLEXIBILITY, SPEED, COMPLIANCE }

    public enum Period { DAY, WEEK, MONTH }

    @Schema(description = "Term: dates, notice and renewal")
    public record Term(
            @Schema(example = "2026-01-01") @NotNull LocalDate startDate,
            @Schema(example = "2028-12-31") @NotNull LocalDate endDate,
            @Schema(example = "90", description = "Days before the end date by which notice must be given")
            @NotNull @Min(0) @Max(730) Integer noticePeriodDays,
            @NotNull Renewal renewal,
            @Schema(example = "12", description = "Length of each renewal, for tacit renewal")
            @Min(1) @Max(120) Integer renewalPeriodMonths) {
    }

    @Schema(description = "Pricing model and fees, in the contract's currency")
    public record Pricing(
            @NotNull PricingModel model,
            @Schema(example = "85000.00", description = "Fixed monthly fee; the base of service credits and bonuses")
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal monthlyFee,
            @Schema(example = "1.35", description = "Price per transaction (PER_TRANSACTION, OUTCOME_BASED)")
            @DecimalMin("0") @Digits(integer = 9, fraction = 4) BigDecimal unitPrice,
            @Schema(example = "4200.00", description = "Monthly price per FTE (PER_FTE)")
            @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal ftePrice,
            @Schema(example = "42") @Min(0) @Max(100_000) Integer fteCount,
            @Schema(example = "1200000.00", description = "Yearly budget cap")
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal annualBudgetCap) {
    }

    @Schema(description = "A governance body and its cadence, with members on each side")
    public record GovernanceBody(
            @NotNull GovernanceLevel level,
            @NotNull Cadence cadence,
            @NotNull @Size(max = 20) List<@NotBlank @Size(max = 100) String> providerMembers,
            @NotNull @Size(max = 20) List<@NotBlank @Size(max = 100) String> clientMembers) {
    }

    @Schema(description = "Service hours: a time zone, weekly opening hours and public holidays")
    public record ServiceCalendar(
            @Schema(example = "fr-business") @NotNull @Pattern(regexp = KEY, message = KEY_MESSAGE) String key,
            @Schema(example = "Europe/Paris") @NotNull @TimeZoneId String timeZone,
            @NotEmpty @Size(max = 21) List<@Valid @NotNull OpeningHours> weeklyHours,
            @NotNull @Size(max = 100) List<@NotNull LocalDate> holidays) {
    }

    @Schema(description = "Opening hours on one day of the week (local time, end exclusive)")
    public record OpeningHours(
            @NotNull DayOfWeek day,
            @Schema(example = "08:00") @NotNull LocalTime opens,
            @Schema(example = "20:00") @NotNull LocalTime closes) {
    }

    @Schema(description = "A process in (or explicitly out of) the scope of the contract")
    public record ScopeItem(
            @Schema(example = "billing-calls") @NotNull @Pattern(regexp = KEY, message = KEY_MESSAGE) String key,
            @Schema(example = "Billing enquiries by phone") @NotBlank @Size(max = 200) String process,
            @Size(max = 2000) String description,
            @NotNull Channel channel,
            @NotNull @Size(max = 10) List<@NotNull @LanguageTag String> languages,
            @Schema(description = "Key of the service calendar this process is open on")
            @Pattern(regexp = KEY, message = KEY_MESSAGE) String calendar,
            @Schema(example = "12000") @Min(0) @Max(100_000_000) Integer forecastMonthlyVolume,
            @NotNull Boolean inScope) {
    }

    @Schema(description = "An objective stated by the client, measured by some SLAs")
    public record Objective(
            @Schema(example = "customer-satisfaction") @NotNull @Pattern(regexp = KEY, message = KEY_MESSAGE) String key,
            @NotNull ObjectiveCategory category,
            @Schema(example = "Keep customers satisfied while costs fall") @NotBlank @Size(max = 500) String statement,
            @NotNull @Size(max = 20) List<@NotNull @Pattern(regexp = KEY, message = KEY_MESSAGE) String> slas) {
    }

    @Schema(description = "A service-level agreement: metric, target, period, calendar, weight, credit and bonus")
    public record SlaDefinition(
            @Schema(example = "service-level-20s") @NotNull @Pattern(regexp = KEY, message = KEY_MESSAGE) String key,
            @Schema(example = "80% of calls answered in 20 s") @NotBlank @Size(max = 200) String name,
            @NotNull SlaMetric metric,
            @Schema(description = "Defaults to the metric's good direction") Comparator comparator,
            @Schema(example = "80") @NotNull @Digits(integer = 7, fraction = 3) BigDecimal target,
            @Schema(example = "82", description = "Level at which the SLA is at risk, on the good side of the target")
            @Digits(integer = 7, fraction = 3) BigDecimal warning,
            @Schema(example = "20", description = "Seconds; required by SERVICE_LEVEL and RESOLUTION_WITHIN_THRESHOLD")
            @Min(1) @Max(86_400 * 30) Integer thresholdSeconds,
            @NotNull Period period,
            @Schema(description = "Key of the calendar the SLA is measured in")
            @NotNull @Pattern(regexp = KEY, message = KEY_MESSAGE) String calendar,
            @Schema(example = "0.4") @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4)
            BigDecimal weight,
            @NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = KEY, message = KEY_MESSAGE) String> scope,
            @Valid ServiceCredit serviceCredit,
            @Valid Bonus bonus) {
    }

    @Schema(description = "Service credit: a share of the period's fee per breach, capped per period")
    public record ServiceCredit(
            @Schema(example = "2.5") @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 3)
            BigDecimal percentOfFeePerBreach,
            @Schema(example = "10") @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 3)
            BigDecimal capPercentPerPeriod) {
    }

    @Schema(description = "Bonus: a share of the fee above a stretch target, capped")
    public record Bonus(
            @Schema(example = "85") @NotNull @Digits(integer = 7, fraction = 3) BigDecimal stretchTarget,
            @Schema(example = "1") @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 3)
            BigDecimal percentOfFee,
            @Schema(example = "3") @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 3)
            BigDecimal capPercentPerPeriod) {
    }
}
