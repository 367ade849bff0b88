package dev.samokoder.api.billing;

import dev.samokoder.api.http.ApiException;
import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.api.http.ApiResponse;
import dev.samokoder.api.http.Checks;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.User;
import dev.samokoder.core.storage.UserRepository;
import dev.samokoder.services.billing.Admins;
import dev.samokoder.services.billing.CreditEntry;
import dev.samokoder.services.billing.CreditLedger;
import dev.samokoder.services.billing.Money;
import java.math.BigDecimal;

/**
 * {@code /v1/admin/*}: what only administrators ({@code SAMOKODER_ADMIN_EMAILS}) may do. For now,
 * recording a top-up of a user's prepaid credit (there is no payment provider yet).
 */
public final class AdminOperations {

    public record TopUp(BigDecimal amountUsd, String note) {
        public TopUp {
            Checks.of().required("amountUsd", amountUsd).required("note", note)
                    .that(amountUsd == null || amountUsd.signum() > 0, "amountUsd", "must be more than 0")
                    .that(amountUsd == null || amountUsd.stripTrailingZeros().scale() <= 6, "amountUsd", "must have at most 6 decimals")
                    .text("note", note, 1, 200, false)
                    .done();
        }
    }

    public record TopUpView(String userId, UsageOperations.CreditEntryView entry, BigDecimal balanceUsd) {
    }

    private final Admins admins;
    private final UserRepository users;
    private final CreditLedger credit;
    private final BigDecimal maxTopUpUsd;

    public AdminOperations(Admins admins, UserRepository users, CreditLedger credit, BigDecimal maxTopUpUsd) {
        this.admins = admins;
        this.users = users;
        this.credit = credit;
        this.maxTopUpUsd = maxTopUpUsd;
    }

    public ApiResponse topUp(ApiRequest request) {
        String adminId = request.userId();
        if (!admins.isAdmin(adminId)) {
            throw ApiException.forbidden("only administrators may top up credit");
        }
        TopUp body = request.body(TopUp.class);
        Checks.of().that(body.amountUsd().compareTo(maxTopUpUsd) <= 0, "amountUsd",
                "must be at most " + maxTopUpUsd.toPlainString() + " (SAMOKODER_BILLING_MAX_TOP_UP_USD)").done();
        String userId = request.pathParameter("userId");
        if (!Ids.isValid(User.ID_PREFIX, userId) || users.findById(userId).isEmpty()) {
            throw ApiException.notFound("no user " + (userId.length() > 40 ? userId.substring(0, 40) + "…" : userId));
        }
        CreditEntry entry = credit.topUp(userId, Money.toMicros(body.amountUsd()), body.note().strip(), adminId);
        return ApiResponse.json(201, new TopUpView(userId, UsageOperations.CreditEntryView.of(entry), Money.toUsd(entry.balanceAfterMicros())));
    }
}
