package io.bpo.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the portal, in English here and in French in {@code messages/msg_fr.properties}; templates read them
 * as {@code {msg:key}} in the page's locale. Enumerations of the API (statuses, types) are translated by the
 * messages that take them as parameters.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {
    // ---- layout and common
    @Message("BPO portal") String app_name();
    @Message("Skip to content") String skip_to_content();
    @Message("Main") String nav_main();
    @Message("Portfolio") String nav_portfolio();
    @Message("{id}: home") String nav_client(Object id);
    @Message("{id}: knowledge") String nav_knowledge(Object id);
    @Message("Access log") String nav_access_log();
    @Message("Chain verification") String nav_verify();
    @Message("Client registry") String nav_clients();
    @Message("Language") String language();
    @Message("Signed in as {name}") String signed_in_as(Object name);
    @Message("Sign out") String sign_out();
    @Message("Sign in") String sign_in();
    @Message("Sign in again") String sign_in_again();
    @Message("Every page is read through the platform's API with your own access rights; every read is logged.") String footer();
    @Message("Back to the home page") String back_home();
    @Message("Yes") String yes();
    @Message("No") String no();
    @Message("any") String any();
    @Message("Request id") String request_id();
    @Message("Signed out") String signed_out_title();
    @Message("You are signed out of the portal and of the identity provider.") String signed_out_text();
    @Message("Nothing to show yet") String nothing_title();
    @Message("Your account has no client and no role that the portal shows pages for. Ask your administrator.") String nothing_text();

    // ---- refusals
    @Message("""
            {#when status}{#is 401}Your session has ended{#is 403}Access refused{#is 404}Not found\
            {#is 409}Already decided or closed{#is 412}Changed in the meantime{#is 400}Invalid request\
            {#is 422}Invalid request{#is 429}Too many requests{#is 503}Service unavailable{#else}Service error{/when}""")
    String refused_title(Object status);
    @Message("""
            {#when status}{#is 401}Sign in again to continue.\
            {#is 403}Your account may not see this page. Nothing of it was shown; the refusal is recorded in the access log.\
            {#is 404}This page does not exist, or it is not one your account may see.\
            {#is 409}Someone decided or closed this before you: reload it to see where it stands.\
            {#is 412}Someone changed this while you were reading it: reload it and decide again.\
            {#is 400}The platform did not accept what was sent.\
            {#is 422}The platform did not accept what was sent.\
            {#is 429}Wait a moment and try again.\
            {#is 503}The platform does not answer right now. Try again in a moment.\
            {#else}The platform could not answer. Try again in a moment.{/when}""")
    String refused_text(Object status);
    @Message("The platform says:") String refused_detail();

    // ---- statuses and enumerations
    @Message("""
            {#when s}{#is 'MET'}Met{#is 'WARNING'}At risk{#is 'BREACHED'}Breached{#is 'NO_DATA'}No data\
            {#is 'ACTIVE'}Active{#is 'DRAFT'}Draft{#is 'SUSPENDED'}Suspended{#is 'TERMINATED'}Terminated\
            {#is 'EXPIRED'}Expired{#is 'OFFBOARDED'}Offboarded{#is 'PENDING'}Awaiting decision{#is 'APPLIED'}Applied\
            {#is 'REJECTED'}Rejected{#is 'WITHDRAWN'}Withdrawn{#is 'SUPERSEDED'}Superseded{#is 'APPROVED'}Approved\
            {#is 'NONE'}Not accepted{#is 'OPEN'}Accepted by one side{#is 'FROZEN'}Accepted by both{#else}{s}{/when}""")
    String status(Object s);
    @Message("{#when c}{#is 'GTE'}≥{#is 'GT'}>{#is 'LTE'}≤{#is 'LT'}<{#else}{c}{/when}") String comparator(Object c);
    @Message("""
            {#when t}{#is 'PROCEDURE'}Procedure{#is 'FAQ'}FAQ{#is 'MANUAL'}Manual{#is 'GUIDE'}Guide{#is 'POLICY'}Policy\
            {#is 'WIKI_PAGE'}Wiki page{#else}{t}{/when}""")
    String article_type(Object t);
    @Message("""
            {#when c}{#is 'PUBLIC'}Public{#is 'INTERNAL'}Internal{#is 'CONFIDENTIAL'}Confidential\
            {#is 'RESTRICTED'}Restricted{#else}{c}{/when}""")
    String classification(Object c);

    // ---- client home
    @Message("Service levels in {month}") String slas_of_month(Object month);
    @Message("Service levels of {reference}") String slas_of_contract(Object reference);
    @Message("{#if n == 0}No breach{#else if n == 1}1 breach{#else}{n} breaches{/if}") String breaches_count(Object n);
    @Message("Credits") String credit_label();
    @Message("Bonuses") String bonus_label();
    @Message("Service level") String sla();
    @Message("Service levels") String slas();
    @Message("Value") String value();
    @Message("Target") String target();
    @Message("Margin") String margin();
    @Message("Status") String status_label();
    @Message("No active contract.") String no_active_contract();
    @Message("Latest monthly review: {month}") String latest_review(Object month);
    @Message("Download the PDF") String download_pdf();
    @Message("Download the CSV") String download_csv();
    @Message("Change requests awaiting your side") String awaiting_your_side();
    @Message("Nothing awaits your side.") String nothing_awaiting();
    @Message("raised by {by} on {date}") String raised_by(Object by, Object date);
    @Message("effective {date}") String effective_from(Object date);
    @Message("Upcoming deadlines") String deadlines();
    @Message("{#if kind == 'NOTICE'}Last day to give notice{#else}End{/if} of {reference}: {date} ({days} days left)")
    String deadline(Object kind, Object reference, Object date, Object days);
    @Message("No deadline in the coming months.") String no_deadline();
    @Message("Contracts") String contracts();
    @Message("Contract") String contract();
    @Message("Reference") String reference();
    @Message("Title") String title();
    @Message("Term") String term();

    // ---- contract and change requests
    @Message("Delivery") String delivery();
    @Message("Terms in force") String terms_in_force();
    @Message("Version of the terms") String terms_version();
    @Message("Version {number} (amendment {amendment}), effective {date}") String version_line(Object number, Object amendment, Object date);
    @Message("by {by} on {date}") String created_by(Object by, Object date);
    @Message("Versions") String versions();
    @Message("Period") String period();
    @Message("Weight") String weight();
    @Message("All the terms (JSON)") String all_terms();
    @Message("Change requests") String change_requests();
    @Message("Change request") String change_request();
    @Message("No change request.") String no_change_request();
    @Message("Reason") String reason();
    @Message("Effective") String effective();
    @Message("Raised") String raised();
    @Message("Provider side") String provider_side();
    @Message("Client side") String client_side();
    @Message("not decided yet") String undecided();
    @Message("Based on version") String base_version();
    @Message("Version it produced") String applied_version();
    @Message("What changes") String changes();
    @Message("Where") String what();
    @Message("In version {n}") String in_force(Object n);
    @Message("Proposed") String proposed();
    @Message("No difference.") String no_changes();
    @Message("Your decision") String your_decision();
    @Message("Comment (optional)") String comment_optional();
    @Message("Approve") String approve();
    @Message("Reject") String reject();
    @Message("{#when d}{#is 'approve'}Your approval is recorded.{#is 'reject'}Your rejection is recorded.{#else}Your acceptance is recorded.{/when}") String decision_done(Object d);
    @Message("SLA statement of {month}") String statement_of(Object month);
    @Message("No side has accepted it yet.") String statement_none();
    @Message("accepted by {by} on {date}") String accepted_by(Object by, Object date);
    @Message("not accepted yet") String not_accepted();
    @Message("Accept the statement for your side") String accept_statement();
    @Message("Propose a change") String raise_change_request();
    @Message("The platform did not accept this proposal:") String raise_refused();
    @Message("Proposed terms (JSON)") String proposed_terms();
    @Message("The complete terms as they would be, starting from the terms in force. The other side approves or rejects.") String proposed_terms_help();
    @Message("Send the proposal") String raise();

    // ---- knowledge
    @Message("Knowledge base of {id}") String knowledge_title(Object id);
    @Message("Search the articles") String search_label();
    @Message("Search") String search();
    @Message("Accents and word endings do not matter: \"facture\" finds \"facturé\" and \"facturation\".") String search_help();
    @Message("All languages") String all_languages();
    @Message("{#if n == 0}No article found{#else if n == 1}1 article{#else}{n} articles{/if}") String results_count(Object n);
    @Message("No article matches these words.") String no_result();
    @Message("Awaiting your acknowledgement") String pending_acks();
    @Message("Nothing awaits your acknowledgement.") String no_pending_ack();
    @Message("Published articles") String published_articles();
    @Message("version {n}") String version(Object n);
    @Message("I have read and understood this article") String acknowledge();
    @Message("Your acknowledgement is recorded.") String acknowledged();
    @Message("You have acknowledged this version.") String already_acknowledged();

    // ---- portfolio
    @Message("Portfolio in {month}") String portfolio_of(Object month);
    @Message("Months") String months();
    @Message("Some clients could not be read right now: their lines are missing from the totals.") String portfolio_incomplete();
    @Message("Client") String client();
    @Message("Breaches") String breaches();
    @Message("Statement") String statement();
    @Message("Totals per currency") String totals();
    @Message("unavailable right now") String unavailable();

    // ---- audit
    @Message("Subject") String subject();
    @Message("Outcome") String outcome();
    @Message("From") String from();
    @Message("To") String to();
    @Message("Filter") String filter();
    @Message("Verify the chains") String verify_chains();
    @Message("When") String when();
    @Message("Who") String who();
    @Message("Request") String request();
    @Message("No entry matches these filters.") String no_entry();
    @Message("Older entries") String older();
    @Message("All {n} chains are intact.") String chains_valid(Object n);
    @Message("{n} chain(s) broken: see the first broken entry below.") String chains_broken(Object n);
    @Message("Chain") String chain();
    @Message("Entries") String entries();
    @Message("Intact") String valid();
    @Message("Signed checkpoints") String checkpoints();
    @Message("First broken entry") String first_broken();
    @Message("{n} entries written before the chains existed are not verifiable.") String unchained(Object n);

    // ---- admin
    @Message("Client id") String client_id();
    @Message("Legal name") String legal_name();
    @Message("Country") String country();
    @Message("Sector") String sector();
    @Message("No client yet.") String no_client();
}
