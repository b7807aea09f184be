package io.bpo.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Gateway answers for client acme, shaped as the services write them (see their view records). */
final class Stubs {
    static final String C = ClientPagesTest.CONTRACT;
    static final String R = ClientPagesTest.REQUEST;
    static final String BASE = "/api/v1/clients/acme";

    static final String CLIENT = """
            {"id":"acme","legalName":"Acme Assurances SA","country":"FR","sector":"Insurance","status":"ACTIVE"}""";
    static final String CONTRACT = """
            {"id":"%s","clientId":"acme","reference":"ACME-BPO-2026-01","title":"Customer service (FR)",
             "engagementType":"BPO","deliveryModel":"OUTSOURCED","deliveryCountry":"TN","deliveryLocation":"NEARSHORE",
             "startDate":"2026-01-01","endDate":"2028-12-31","noticePeriodDays":90,"currency":"EUR","status":"ACTIVE",
             "version":2,"createdAt":"2026-01-02T08:00:00Z","updatedAt":"2026-01-02T08:00:00Z"}""".formatted(C);
    static final String COMPLIANCE = """
            {"contractId":"%s","reference":"ACME-BPO-2026-01","month":"2026-12","currency":"EUR","monthlyFee":176400.00,
             "totalCredit":4410.00,"totalBonus":0.00,"breaches":1,"computedAt":"2026-12-07T10:00:00Z",
             "slas":[{"slaKey":"niveau-de-service-20s","name":"Calls answered in 20 s","metric":"SERVICE_LEVEL",
               "period":"MONTH","weight":0.4,"status":"BREACHED","breaches":1,"creditPercent":2.5,"creditAmount":4410.00,
               "bonusPercent":0,"bonusAmount":0.00,"objectives":[],
               "periods":[{"slaKey":"niveau-de-service-20s","unit":"PERCENT","periodLabel":"2026-12","value":83.25,
                 "comparator":"GTE","target":85,"status":"BREACHED","margin":-1.75}]}]}""".formatted(C);
    static final String REQUEST_SUMMARY = """
            {"id":"%s","contractId":"%s","clientId":"acme","status":"PENDING","reason":"Lower abandonment target",
             "effectiveFrom":"2026-12-07","categories":["SLA"],"raisedByParty":"PROVIDER","raisedBy":"carol",
             "baseVersionNumber":1,"providerDecision":{"decision":"APPROVED","by":"carol","at":"2026-12-07T09:00:00Z",
             "comment":null},"clientDecision":null,"closedBy":null,"closedAt":null,"closingComment":null,
             "appliedVersionNumber":null,"appliedAmendmentNumber":null,"supersededByVersionNumber":null,"version":3,
             "createdAt":"2026-12-07T08:00:00Z","updatedAt":"2026-12-07T09:00:00Z\"""".formatted(R, C);
    static final String TERMS = """
            {"term":{"startDate":"2026-01-01"},"slas":[{"key":"niveau-de-service-20s","name":"Calls answered in 20 s",
             "comparator":"GTE","target":80,"period":"MONTH","weight":0.4},
             {"key":"abandon","name":"Abandoned calls","comparator":"LTE","target":5,"period":"MONTH","weight":0.6}]}""";

    private Stubs() {
    }

    static void acme(WireMockServer gateway) {
        gateway.stubFor(get(urlPathEqualTo("/api/v1/clients")).willReturn(okJson("{\"items\":[" + CLIENT + "]}")));
        gateway.stubFor(get(urlPathEqualTo(BASE)).willReturn(okJson(CLIENT)));
        gateway.stubFor(get(urlPathEqualTo(BASE + "/contracts")).willReturn(okJson(
                "{\"items\":[" + CONTRACT + "],\"nextCursor\":null}")));
        gateway.stubFor(get(urlPathEqualTo(BASE + "/contracts/" + C)).willReturn(okJson(CONTRACT)));
        gateway.stubFor(get(urlPathEqualTo(BASE + "/contracts/deadlines")).willReturn(okJson("""
                [{"contractId":"%s","reference":"ACME-BPO-2026-01","title":"Customer service (FR)","kind":"NOTICE",
                  "date":"2028-10-02","daysLeft":665}]""".formatted(C))));
        gateway.stubFor(get(urlPathEqualTo("/api/v1/clients/acme/reporting/contracts/" + C + "/compliance"))
                .willReturn(okJson(COMPLIANCE)));
        gateway.stubFor(get(urlPathEqualTo(BASE + "/contracts/" + C + "/change-requests")).willReturn(okJson(
                "{\"items\":[" + REQUEST_SUMMARY + "}],\"nextCursor\":null}")));
        gateway.stubFor(get(urlPathEqualTo(BASE + "/contracts/" + C + "/change-requests/" + R)).willReturn(okJson(
                REQUEST_SUMMARY + ",\"diff\":[{\"op\":\"replace\",\"path\":\"/slas/1/target\",\"value\":4}],\"terms\":"
                        + TERMS.replace("\"target\":5,", "\"target\":4,") + "}")));
        gateway.stubFor(get(urlPathEqualTo(BASE + "/contracts/" + C + "/versions/1")).willReturn(okJson(
                "{\"versionNumber\":1,\"amendmentNumber\":0,\"effectiveFrom\":\"2026-01-01\",\"terms\":" + TERMS + "}")));
        gateway.stubFor(get(urlPathEqualTo(BASE + "/contracts/" + C + "/terms")).willReturn(okJson(
                "{\"contractId\":\"" + C + "\",\"versionNumber\":1,\"amendmentNumber\":0,"
                        + "\"effectiveFrom\":\"2026-01-01\",\"terms\":" + TERMS + "}")));
        gateway.stubFor(get(urlPathEqualTo(BASE + "/contracts/" + C + "/versions")).willReturn(okJson("""
                [{"number":1,"amendmentNumber":0,"effectiveFrom":"2026-01-01","changeRequestId":null,
                  "createdBy":"carol","createdAt":"2026-01-02T08:00:00Z"}]""")));
    }
}
