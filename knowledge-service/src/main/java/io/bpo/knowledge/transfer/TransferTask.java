package io.bpo.knowledge.transfer;

import io.bpo.kit.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One task of a plan's phase, owned by one side, possibly linked to the articles it transfers. */
@Entity
@Table(name = "transfer_tasks")
public class TransferTask extends TenantOwnedEntity {
    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    @Enumerated(EnumType.STRING)
    @Column(name = "phase", nullable = false)
    public Phase phase;

    @Column(name = "title", nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_side", nullable = false)
    public Side ownerSide;

    @Column(name = "assignee")
    public String assignee;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public TaskStatus status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "article_ids", nullable = false, columnDefinition = "uuid[]")
    public List<UUID> articleIds = new ArrayList<>();
}
