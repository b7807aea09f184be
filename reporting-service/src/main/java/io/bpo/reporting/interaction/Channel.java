package io.bpo.reporting.interaction;

/** How the contact reached the provider: live (phone, chat) or deferred (e-mail, back-office item). */
public enum Channel {
    PHONE, EMAIL, CHAT, BACK_OFFICE
}
