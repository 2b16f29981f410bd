package dk.brobygger.referral;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The volunteer's photo: uploaded and removed on the volunteer's own page ({@code /frivillig}), shown to the
 * volunteer, to those who keep the volunteer ({@code /frivillige/{id}/foto}, {@code /forening/frivillige/{id}/foto})
 * and to the citizen the volunteer said yes to go with ({@code /mig/henvisninger/{id}/foelge/foto}). Never cached by
 * shared caches; anyone else gets not found.
 */
@Controller
class VolunteerPhotoPages {

    private final VolunteerPhotos photos;

    VolunteerPhotoPages(VolunteerPhotos photos) {
        this.photos = photos;
    }

    @PostMapping("/frivillig/foto")
    String upload(@RequestParam(name = "foto", required = false) @Nullable MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        try {
            photos.upload(file == null ? new byte[0] : file.getBytes());
            redirect.addFlashAttribute("success", "volunteer.photo.saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("photoError", e.messageKey());
            redirect.addFlashAttribute("photoErrorArguments", e.arguments());
        }
        return "redirect:/frivillig#foto";
    }

    @PostMapping("/frivillig/foto/slet")
    String remove(RedirectAttributes redirect) {
        photos.remove();
        redirect.addFlashAttribute("success", "volunteer.photo.removed");
        return "redirect:/frivillig#foto";
    }

    @GetMapping("/frivillig/foto")
    ResponseEntity<byte[]> mine() {
        return image(photos.mine());
    }

    @GetMapping({"/frivillige/{id}/foto", "/forening/frivillige/{id}/foto"})
    ResponseEntity<byte[]> kept(@PathVariable UUID id) {
        return image(photos.kept(id));
    }

    @GetMapping("/mig/henvisninger/{id}/foelge/foto")
    ResponseEntity<byte[]> companion(@PathVariable UUID id) {
        return image(photos.companion(new ReferralId(id)));
    }

    private static ResponseEntity<byte[]> image(Optional<byte[]> image) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(image.orElseThrow(() -> new NotFoundException("photo")));
    }
}
