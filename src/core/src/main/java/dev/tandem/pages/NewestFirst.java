package dev.tandem.pages;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A JPQL query for one page of rows, newest first: its conditions, where the previous page ended, and the order
 * that goes with that position (time, then id, both descending), kept together so that they cannot disagree.
 */
public final class NewestFirst {

    private final String select;
    private final String time;
    private final String id;
    private final StringJoiner where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /**
     * @param select the query up to its conditions, e.g. {@code SELECT r FROM TransferRecord r}
     * @param time   the rows' time, e.g. {@code r.createdAt}
     * @param id     the rows' id, which orders rows of the same time
     */
    public NewestFirst(String select, String time, String id) {
        this.select = select;
        this.time = time;
        this.id = id;
    }

    /** Adds {@code condition}, which names {@code :parameter}; nothing if {@code value} is null (no criterion). */
    public NewestFirst where(String condition, String parameter, Object value) {
        if (value != null) {
            where.add(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Only rows after {@code position} in this order; from the newest if it is null. */
    public NewestFirst after(Position position) {
        if (position != null) {
            where.add("(" + time + " < :afterAt OR (" + time + " = :afterAt AND " + id + " < :afterId))");
            parameters.put("afterAt", position.at());
            parameters.put("afterId", position.id());
        }
        return this;
    }

    /** At most {@code limit} rows. */
    public <T> List<T> page(EntityManager entityManager, Class<T> type, int limit) {
        TypedQuery<T> query = entityManager.createQuery(jpql(), type).setMaxResults(limit);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    String jpql() {
        return select + where + " ORDER BY " + time + " DESC, " + id + " DESC";
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
