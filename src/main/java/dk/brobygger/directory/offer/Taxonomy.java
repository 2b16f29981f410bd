package dk.brobygger.directory.offer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The categories and target groups. Reference data, read once and kept in memory. */
@Component
public class Taxonomy {

    private final List<TaxonomyTerm> terms;
    private final Map<UUID, TaxonomyTerm> byId;

    Taxonomy(JdbcClient jdbc) {
        this.terms = jdbc.sql("SELECT id, taxonomy, code, name, description FROM taxonomy_term ORDER BY taxonomy, name")
                .query(TaxonomyTerm.class).list();
        this.byId = terms.stream().collect(Collectors.toMap(TaxonomyTerm::id, Function.identity()));
    }

    public List<TaxonomyTerm> all() {
        return terms;
    }

    public List<TaxonomyTerm> categories() {
        return terms.stream().filter(TaxonomyTerm::isCategory).toList();
    }

    public List<TaxonomyTerm> targetGroups() {
        return terms.stream().filter(term -> !term.isCategory()).toList();
    }

    public Optional<TaxonomyTerm> find(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<TaxonomyTerm> byCode(String taxonomy, String code) {
        return terms.stream().filter(t -> t.taxonomy().equals(taxonomy) && t.code().equals(code)).findFirst();
    }

    public List<TaxonomyTerm> of(Collection<UUID> ids) {
        return terms.stream().filter(term -> ids.contains(term.id())).toList();
    }
}
