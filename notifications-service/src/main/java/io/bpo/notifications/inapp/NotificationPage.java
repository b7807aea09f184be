package io.bpo.notifications.inapp;

import java.util.List;

/** Newest first; {@code nextCursor} null on the last page; {@code unreadCount} over all pages. */
public record NotificationPage(List<NotificationView> items, String nextCursor, long unreadCount) {
}
