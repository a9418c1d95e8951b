/// The curses console: terminal driver, widgets and screens. Reads and writes only through GridStore.
public enum GridConsole {}
