import { expect, test } from 'vitest';
import { invalid } from './errors';
import { FormState } from './form.svelte';

test('a refusal goes to the field claiming its path, else to the form', async () => {
  const form = new FormState();
  form.claim('minutes');
  form.claim('tags');
  expect(await form.submit(() => Promise.reject({ code: 'invalid', field: 'tags[1]', message: 'Must not be empty' }))).toBe(false);
  expect(form.messageFor('tags')).toBe('Must not be empty');
  expect(form.messageFor('minutes')).toBeNull();
  expect(form.formProblem).toBeNull();

  await form.submit(() => {
    throw invalid('week', 'No such week');
  });
  expect(form.formProblem).toEqual({ field: 'week', message: 'No such week' });

  await form.submit(() => Promise.reject({ code: 'store_unavailable', field: null, message: 'Disk full' }));
  expect(form.formProblem).toEqual({ field: null, message: 'Disk full' });
  expect(form.saving).toBe(false);
});

test('a field’s message clears as soon as that field changes, not another', async () => {
  const form = new FormState();
  form.claim('minutes');
  form.claim('channel');
  await form.submit(() => Promise.reject({ code: 'invalid', field: 'minutes', message: 'How many minutes did it take?' }));
  form.changed('channel');
  expect(form.messageFor('minutes')).toBe('How many minutes did it take?');
  form.changed('minutes');
  expect(form.problem).toBeNull();
});

test('a field that lets go no longer holds its message; a save that works clears the problem', async () => {
  const form = new FormState();
  const release = form.claim('note');
  await form.submit(() => Promise.reject({ code: 'invalid', field: 'note', message: 'Too long' }));
  release();
  expect(form.formProblem?.field).toBe('note');
  expect(await form.submit(() => undefined)).toBe(true);
  expect(form.problem).toBeNull();
});

test('every field the core refused shows its own message, and each clears as that field is fixed', async () => {
  const form = new FormState();
  form.claim('channel');
  form.claim('minutes');
  await form.submit(() =>
    Promise.reject({
      code: 'invalid',
      field: 'channel',
      message: 'Choose the channel it came through',
      also: [{ field: 'minutes', message: 'Enter the minutes it took, from 1 to 10,080' }],
    }),
  );
  expect(form.messageFor('channel')).toBe('Choose the channel it came through');
  expect(form.messageFor('minutes')).toBe('Enter the minutes it took, from 1 to 10,080');
  expect(form.problem?.field).toBe('channel');
  form.changed('channel');
  expect(form.messageFor('channel')).toBeNull();
  expect(form.messageFor('minutes')).toBe('Enter the minutes it took, from 1 to 10,080');
  expect(form.problem?.field).toBe('minutes');
  form.changed('minutes');
  expect(form.problems).toEqual([]);
});
