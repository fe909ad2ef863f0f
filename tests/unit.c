/* unit.c: tests of lib/ parsers. */
int main(void) { return 0; }
