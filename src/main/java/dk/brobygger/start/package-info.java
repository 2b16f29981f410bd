/**
 * Start (startside): the page staff and association editors land on after logging in. It holds no data of its
 * own: each module contributes its tiles ({@link dk.brobygger.start.StartTiles}), cheap counts and a few rows
 * that each lead to the list behind them. Citizens keep their own start at {@code /mig}.
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.start;
