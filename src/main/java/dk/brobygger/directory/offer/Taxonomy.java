package dk.brobygger.directory.offer;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The categories and target groups. Reference data, read once and kept in memory. */
@Component
public class Taxonomy {

    private final List<TaxonomyTerm> terms;
    private final Map<UUID, TaxonomyTerm> byId;
    private final MessageSource messages;

    Taxonomy(JdbcClient jdbc, MessageSource messages) {
        this.messages = messages;
        this.terms = jdbc.sql("SELECT id, taxonomy, code, name, description FROM taxonomy_term ORDER BY taxonomy, name")
                .query(TaxonomyTerm.class).list();
        this.byId = terms.stream().collect(Collectors.toMap(TaxonomyTerm::id, Function.identity()));
    }

    /**
     * The term's name in the reader's language: the stored (Danish) name in Danish, otherwise the
     * message {@code term.<taxonomy>.<code>}, or the stored name for a term no bundle knows (one
     * an import added). In templates: {@code @taxonomy.name(term, #locale)}.
     */
    public String name(TaxonomyTerm term, Locale locale) {
        if ("da".equals(locale.getLanguage())) {
            return term.name();
        }
        String translated = messages.getMessage("term." + term.taxonomy() + "." + term.code(), null, term.name(),
                locale);
        return translated == null ? term.name() : translated;
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
