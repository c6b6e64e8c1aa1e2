/* sparc64 C routines of the second red-team pass (tests/test_contract.py). */
#include "port.h"

static inline long
getpil(void)
{
	long pil;

	__asm volatile("rdpr %%pil, %0" : "=r"(pil));
	return pil;
}

static inline void
setpil(long pil)
{
	__asm volatile("wrpr %0, 0, %%pil" : : "r"(pil) : "memory");
}

/* Correct: a non-leaf C routine whose local lives in its frame (its
   address is taken), which GCC reaches at %fp + 2039: it failed no_fault
   (a misaligned stx) before the machine knew the stack bias. */
void note_level(volatile long *where);

int
c_spllower_frame_ok(int s)
{
	volatile long old = getpil();

	note_level(&old);
	setpil(s);
	return old;
}

void
note_level(volatile long *where)
{
	*where &= 15;
}

/* exact: wrpr writes rs1 XOR operand2 (V9 A.62); written with the old
   PIL as the second operand, as if that were a "don't care", it sets
   s ^ old instead of s. */
int
c_splraise_wrpr_xor(int s)
{
	long old = getpil();

	if (s > old)
		__asm volatile("wrpr %0, %1, %%pil" : : "r"((long)s), "r"(old) : "memory");
	return old;
}
