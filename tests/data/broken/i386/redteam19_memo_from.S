/*
 * red team 19 a F2 (held before emu/starts.py's third warm start): a
 * splraise with a one-entry memo keyed on the priority it finds (cpl)
 * alone -- "if cpl is what it was last time, the new cpl is what we
 * computed last time" -- the argument is left out of the key.  splraise
 * must give cpl | ncpl for every ncpl (NetBSD 1.6
 * sys/arch/i386/include/intr.h splraise(): cpl |= ncpl, the old cpl
 * returned; kernel_snippets/i386/spl.S; spl(9): splhigh blocks every
 * interrupt).  s = splbio(); splx(s); splhigh() from the same
 * cpl hits the memo and raises to imask[IPL_BIO] only: the clock and the
 * serial lines stay open inside the splhigh() section.  Right on every
 * call whose cpl and argument are those of the call before, which is all
 * the first two warm starts make (they repeat the pair's own argument):
 * the third makes its earlier call with another IPL's argument from the
 * pair's own priority (starts.other_argument) and FAILS exact.  Correct
 * twin: redteam19_memo_ok.S.
 */
	.include "port.inc"
	.data
memo_from:	.long	0xffffffff	/* no cpl is all ones */
memo_to:	.long	0
	.text
	.globl	memo_raise_lvl
memo_raise_lvl:
	pushfl
	cli				/* the memo's two words change together */
	movl	cpl, %eax
	cmpl	memo_from, %eax
	jne	1f
	movl	memo_to, %edx		/* BUG: cached for another argument too */
	jmp	2f
1:	movl	8(%esp), %edx
	orl	%eax, %edx
	movl	%eax, memo_from
	movl	%edx, memo_to
2:	movl	%edx, cpl
	popfl
	ret
