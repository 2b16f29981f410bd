package dk.brobygger.directory.card;

import java.util.Locale;

import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.offer.Taxonomy;
import dk.brobygger.directory.web.SearchForm;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The community card page and its PDF, public like the rest of the portal. */
@Controller
class CardPages {

    private final CommunityCards cards;
    private final CardPdf pdf;
    private final Taxonomy taxonomy;

    CardPages(CommunityCards cards, CardPdf pdf, Taxonomy taxonomy) {
        this.cards = cards;
        this.pdf = pdf;
        this.taxonomy = taxonomy;
    }

    @GetMapping("/tilbud/visitkort")
    String card(@ModelAttribute("form") SearchForm form, Locale locale, Model model) {
        CommunityCard card = cards.make(form, locale);
        model.addAttribute("card", card);
        model.addAttribute("form", card.filter());
        model.addAttribute("pdfUrl", card.filter().toUrl("/tilbud/visitkort.pdf", null));
        model.addAttribute("searchUrl", card.filter().toUrl("/tilbud", null));
        model.addAttribute("categories", taxonomy.categories());
        model.addAttribute("targetGroups", taxonomy.targetGroups());
        model.addAttribute("districts", cards.districts());
        model.addAttribute("supportLevels", SupportLevel.values());
        return "directory/card/card";
    }

    @GetMapping("/tilbud/visitkort.pdf")
    ResponseEntity<byte[]> cardAsPdf(@ModelAttribute SearchForm form, Locale locale) {
        CommunityCard card = cards.make(form, locale);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("visitkort.pdf").build().toString())
                .body(pdf.render(card, locale));
    }
}
