package io.bpo.knowledge.transfer;

public enum TaskStatus {
    TODO, IN_PROGRESS, DONE
}
