/* BROKEN (integer width, LP64): amd64_creplay_ok.c's replay loop written
   by a programmer for whom masks are `unsigned long` on x86_64: ipending
   is read and claimed as 8 bytes (extern unsigned long ipending), the bit
   found with __builtin_ctzl.  The upper 4 bytes are not ipending but the
   next kernel variable.  Whenever it is not 0 the loop takes its set bits
   for pending sources 32..63: it "claims" them, i.e. clears them in that
   variable one by one (corrupting it), running no handler, and a call
   with nothing really pending still walks them.  Here the word after
   ipending is intr.S's count_clock, which the model keeps at 0, so the
   damage never shows; in a kernel the neighbour is any variable.
   Should fail (preserves: kernel data changed) -- unless the tool never
   gives that word another value. */
#include "port.h"
extern unsigned long ipending64 __asm__("ipending");
#define cli()	__asm volatile("cli" ::: "memory")
#define sti()	__asm volatile("sti" ::: "memory")
#define RUN(name, bit, level, spl, vector) \
	case bit: cpl = ncpl | spl; sti(); handler_##name(); cli(); break;
static void
run(int bit, int ncpl)
{
	switch (bit) {
	IPLEMU_SOURCES(RUN)
	}
}
int
c_spllower(int ncpl)
{
	int ocpl = cpl, bit;
	unsigned long fl, p, mask = ~(unsigned long)(unsigned int)ncpl;

	cpl = ncpl;
	__asm volatile("" ::: "memory");
	if ((ipending64 & mask) == 0)
		return ocpl;
	__asm volatile("pushfq; popq %0" : "=r"(fl) : : "memory");
	cli();
	while ((p = ipending64 & mask) != 0) {
		bit = __builtin_ctzl(p);
		ipending64 &= ~(1UL << bit);
		run(bit, ncpl);
		cpl = ncpl;
	}
	__asm volatile("pushq %0; popfq" : : "r"(fl) : "memory", "cc");
	return ocpl;
}
