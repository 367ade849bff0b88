import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Loading } from '@/components/ui/loading';
import { TextAreaField } from '@/components/ui/text-field';
import { isBlank, length } from '@/lib/forms';
import { useQuery } from '@/lib/use-query';
import { answerQuestion, listQuestions } from '../api/runs';
import type { Question } from '../api/types';
import styles from './run-view.module.css';

// the API's limit (openapi.json: AnswerRequest)
const MAX_ANSWER = 4_000;

type RunQuestionsProps = {
  runId: string;
  /** Every question has its answer: the run goes back to work. */
  onAllAnswered(): void;
};

/** SpecWriter's questions, answered in place; the last answer sends the run on. */
export function RunQuestions({ runId, onAllAnswered }: RunQuestionsProps) {
  const headingId = useId();
  const questions = useQuery(`questions/${runId}`, (signal) => listQuestions(runId, signal));

  function answered(question: Question) {
    questions.setData((items) => items.map((item) => (item.id === question.id ? question : item)));
    if (questions.state.status === 'success' && questions.state.data.every((item) => item.id === question.id || item.answer)) {
      onAllAnswered();
    }
  }

  return (
    <section className={styles.questions} aria-labelledby={headingId}>
      <h3 id={headingId}>The agents have questions for you</h3>
      {questions.state.status === 'loading' && <Loading label="Loading the questions…" />}
      {questions.state.status === 'error' && <ErrorAlert error={questions.state.error} onRetry={questions.reload} />}
      {questions.state.status === 'success' && (
        <>
          <p>The run waits for your answers. When every question has one, the agents go on.</p>
          <ol className={styles.questionList}>
            {questions.state.data.map((question) => (
              <li key={question.id}>
                {question.answer ? (
                  <AnsweredQuestion question={question} />
                ) : (
                  <AnswerForm runId={runId} question={question} onAnswered={answered} />
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function AnsweredQuestion({ question }: { question: Question }) {
  return (
    <div className={styles.answered}>
      <p className={styles.questionText}>{question.text}</p>
      <p>
        <span className={styles.muted}>Your answer: </span>
        {question.answer}
      </p>
    </div>
  );
}

function AnswerForm({ runId, question, onAnswered }: { runId: string; question: Question; onAnswered(question: Question): void }) {
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const problem = isBlank(answer)
      ? 'Write an answer.'
      : length(answer.trim()) > MAX_ANSWER
        ? `Use at most ${MAX_ANSWER.toLocaleString('en-US')} characters.`
        : undefined;
    setError(problem);
    setFailure(null);
    if (problem) {
      form.querySelector('textarea')?.focus();
      return;
    }
    setBusy(true);
    try {
      onAnswered(await answerQuestion(runId, question.id, answer.trim()));
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.answerForm} onSubmit={submit} noValidate>
      {failure !== null && <ErrorAlert error={failure} />}
      <TextAreaField
        label={question.text}
        hint={`Question ${question.id}`}
        rows={3}
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        error={error}
      />
      <div>
        <Button type="submit" busy={busy}>
          Send answer
        </Button>
      </div>
    </form>
  );
}
