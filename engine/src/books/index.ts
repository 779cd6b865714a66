// The regulatory books of a loan (issue 15): its position in every account as a function of its
// engine state, journal entries as differences of positions, and its books day by day.
export { booksOn, UnbalancedBooksError } from './books-on.ts';
export { booksEntry, sumPositions, positionTotal } from './books-entry.ts';
export { booksTimeline, type BooksTimelineOptions, type BooksDay, type LoanBooksTimeline } from './books-timeline.ts';
export { ACCOUNT, LOAN_ACCOUNTS, BOOKS_ACCOUNTS, EMPTY_BOOKS_POSITION } from './accounts.ts';
export { DEFAULT_VENCIDA_DAYS, LONG_PERIOD_DAYS, reachesVencida, sustainedPayments } from './stage.ts';
export { openingFacts } from './opening-fees.ts';
export { BOOKS_COMPONENTS, type BookStage, type BooksComponent, type BooksContext, type BooksMemory, type IvaBasis, type JournalLine, type LoanBooks, type ReserveFacts } from './books-types.ts';
