using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace OneStop.Appointments.Data;

/// <summary>
/// A compiled query (<c>EF.CompileAsyncQuery</c>) per EF model. EF binds a compiled query to the first model it runs
/// against and refuses any other, while one process can hold several (the SQLite and the PostgreSQL context, or
/// several hosts in the tests). Keyed weakly by the model, so a discarded model drops its query.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
