package io.bpo.contracts.contract;

/** Business, knowledge or IT process outsourcing. */
public enum EngagementType {
    BPO, KPO, ITO
}
