package dk.brobygger.directory.importing;

import java.util.List;

/** What was read from an import file: the valid offers and the reasons for refusing the rest. */
record ImportFile(List<OfferLine> lines, List<Rejection> rejections) {

    ImportFile {
        lines = List.copyOf(lines);
        rejections = List.copyOf(rejections);
    }

    static ImportFile refused(List<Rejection> rejections) {
        return new ImportFile(List.of(), rejections);
    }

    /** Only a file without a single refused row may be saved. */
    boolean mayBeSaved() {
        return rejections.isEmpty() && !lines.isEmpty();
    }
}
