package dk.brobygger.course;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dk.brobygger.access.AddressLimits;
import dk.brobygger.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public inquiry form at {@code /henvendelse}, without login: a few plain questions, and the answer is the same
 * whoever writes, so it never tells whether a person is known to the municipality. Against scripts: a limit per
 * client address ({@code brobygger.course.public-form-per-minute}, default 10, in the shared login buckets), a field
 * people do not see (a script fills it in and is thanked without anything being saved), and a signed time the form
 * was shown (sent sooner than {@code brobygger.course.public-form-min-fill}, default 3 seconds, or with a token that
 * is not ours, it is refused in Danish and nothing is saved). The same at {@code /mig/henvendelse} for a citizen
 * with a record.
 */
@Controller
class PublicInquiryPages {

    /** The field people do not see: a script that fills in every field gives itself away. */
    static final String HONEYPOT = "hjemmeside";

    private final Inquiries inquiries;
    private final AddressLimits limits;
    private final Clock clock;
    private final int perMinute;
    private final Duration minFill;
    private final FormSecret secret;

    PublicInquiryPages(Inquiries inquiries, AddressLimits limits, Clock clock, FormSecret secret,
            @Value("${brobygger.course.public-form-per-minute:10}") int perMinute,
            @Value("${brobygger.course.public-form-min-fill:PT3S}") Duration minFill) {
        this.inquiries = inquiries;
        this.limits = limits;
        this.clock = clock;
        this.secret = secret;
        this.perMinute = perMinute;
        this.minFill = minFill;
    }

    @GetMapping("/henvendelse")
    String form(Model model) {
        model.addAttribute("sources", InquirySource.PUBLIC);
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("knows", CitizenKnows.values());
        model.addAttribute("token", token(clock.instant()));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "course/public-form";
    }

    @PostMapping("/henvendelse")
    String send(@RequestParam Map<String, String> typed, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        if (!limits.tryTake("course.inquiry", request.getRemoteAddr(), perMinute)) {
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            model.addAttribute("error", "course.public.throttled");
            model.addAttribute("errorArguments", new Object[0]);
            model.addAttribute("typed", typed);
            return form(model);
        }
        String honeypot = typed.get(HONEYPOT);
        if (honeypot != null && !honeypot.isEmpty()) {
            return "redirect:/henvendelse/tak";
        }
        try {
            requireHuman(typed.get("vist"));
            var source = Inputs.code(InquirySource.class, typed.get("hvem"));
            if (source == null || !InquirySource.PUBLIC.contains(source)) {
                throw new DomainException("course.public.who.missing");
            }
            inquiries.receivePublic(new Inquiry.Received(InquiryChannel.PUBLIC_FORM, source, typed.get("navn"),
                    typed.get("kontakt"), typed.get("paaVegneAf"), typed.getOrDefault("oensker", ""),
                    orDefault(Inputs.code(Urgency.class, typed.get("hast")), Urgency.THIS_WEEK),
                    source == InquirySource.CITIZEN ? CitizenKnows.KNOWS_AND_AGREES
                            : orDefault(Inputs.code(CitizenKnows.class, typed.get("ved")), CitizenKnows.UNKNOWN),
                    "true".equals(typed.get("ung")), null, null));
            return "redirect:/henvendelse/tak";
        } catch (DomainException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            model.addAttribute("typed", typed);
            return form(model);
        }
    }

    @GetMapping("/henvendelse/tak")
    String thanks() {
        return "course/public-thanks";
    }

    @GetMapping("/mig/henvendelse")
    String mine(Model model) {
        model.addAttribute("urgencies", Urgency.values());
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "course/my-inquiry";
    }

    @PostMapping("/mig/henvendelse")
    String sendMine(@RequestParam Map<String, String> typed, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            inquiries.receiveFromCitizen(typed.get("oensker"),
                    orDefault(Inputs.code(Urgency.class, typed.get("hast")), Urgency.THIS_WEEK), typed.get("kontakt"));
            redirect.addFlashAttribute("success", "course.mine.sent");
            return "redirect:/mig/henvendelse";
        } catch (DomainException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            model.addAttribute("typed", typed);
            return mine(model);
        }
    }

    /** The form was shown by us, at least {@link #minFill} ago and less than a day ago. */
    private void requireHuman(@Nullable String token) {
        if (token == null || token.indexOf('.') < 0) {
            throw new DomainException("course.public.expired");
        }
        String seconds = token.substring(0, token.indexOf('.'));
        byte[] expected = token(seconds).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))) {
            throw new DomainException("course.public.expired");
        }
        Instant shown;
        try {
            shown = Instant.ofEpochSecond(Long.parseLong(seconds));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new DomainException("course.public.expired");
        }
        Instant now = clock.instant();
        if (shown.plus(minFill).isAfter(now)) {
            throw new DomainException("course.public.tooFast");
        }
        if (shown.plus(Duration.ofDays(1)).isBefore(now)) {
            throw new DomainException("course.public.expired");
        }
    }

    String token(Instant shown) {
        return token(String.valueOf(shown.getEpochSecond()));
    }

    private String token(String seconds) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
            return seconds + "." + HexFormat.of().formatHex(mac.doFinal(seconds.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static <T> T orDefault(@Nullable T value, T otherwise) {
        return value == null ? otherwise : value;
    }
}
