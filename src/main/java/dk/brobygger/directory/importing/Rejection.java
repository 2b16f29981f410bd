package dk.brobygger.directory.importing;

/**
 * Why one row of an import file was refused, shown to the editor as e.g.
 * "Række 7: Ukendt kategori 'strikning'".
 *
 * @param field the column (CSV) or HSDS field the reason is about
 * @param messageKey the reason in the {@code importing} message bundle
 */
record Rejection(int row, String field, String messageKey, Object... arguments) {
}
